// Keys from the terminal: which ones leave the browser, and one key read raw (what the browser waits for under a section).
import { emitKeypressEvents, type Key } from 'node:readline';

/** Esc, Ctrl-C and Ctrl-D leave the browser from wherever the reader is. */
export const isQuitKey = (key: Key | undefined): boolean =>
  key?.name === 'escape' || (Boolean(key?.ctrl) && (key?.name === 'c' || key?.name === 'd'));

/** The next key pressed, read without echo or line editing; the terminal is back in its own mode after. */
export function readKey(input: NodeJS.ReadStream): Promise<Key> {
  emitKeypressEvents(input);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve) => {
    input.once('keypress', (sequence: string | undefined, key: Key | undefined) => {
      input.setRawMode(false);
      input.pause();
      resolve(key ?? { sequence });
    });
  });
}
