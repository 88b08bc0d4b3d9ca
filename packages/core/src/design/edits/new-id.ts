/**
 * Short random ids for new design objects (`t_k3f9qa`, `c_0xw2mp`). Ids are opaque and never
 * change once given, so a rename in the editor stays a rename in the migration.
 */

export type IdPrefix = 't' | 'c' | 'f' | 'u' | 'i' | 'k' | 'x' | 'e' | 'n' | 'a' | 'o' | 's';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newId(prefix: IdPrefix, taken?: ReadonlySet<string>): string {
  for (;;) {
    const bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    let suffix = '';
    for (const byte of bytes) suffix += ALPHABET[byte % ALPHABET.length];
    const id = `${prefix}_${suffix}`;
    if (!taken?.has(id)) return id;
  }
}

/** The first `base_N` (N from 1) not in `names`. */
export function nextFreeName(base: string, names: Iterable<string>): string {
  const used = new Set(names);
  for (let n = 1; ; n++) {
    const name = `${base}_${n}`;
    if (!used.has(name)) return name;
  }
}
