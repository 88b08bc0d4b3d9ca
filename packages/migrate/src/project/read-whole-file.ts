import { open } from 'node:fs/promises';

/**
 * A file's bytes in one read where the system allows it. `readFile` reads in 512 KB chunks,
 * one thread-pool round trip each, which a multi-megabyte design or initial revision feels.
 */
export async function readWholeFile(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // A file that grew while read is read again the ordinary way rather than cut short.
    if (filled === size) {
      const { bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, size);
      if (bytesRead === 0) return buffer;
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
