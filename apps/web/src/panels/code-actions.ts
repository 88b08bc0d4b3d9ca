/** Copy and Download for any code the editor shows. */
import { sessionStore } from '../store/session-store';

export async function copyCode(code: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(code);
    sessionStore.getState().toast(`Copied the ${what}.`);
  } catch {
    sessionStore.getState().toast('The browser refused access to the clipboard.', 'error');
  }
}

export function downloadCode(code: string, file: string): void {
  const url = URL.createObjectURL(new Blob([code], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
