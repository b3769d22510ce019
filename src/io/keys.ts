// Keys from the terminal: which ones leave the browser, and one key read raw (what the browser waits for under a section).
import { emitKeypressEvents, type Key } from 'node:readline';

/** Esc, Ctrl-C and Ctrl-D leave the browser from wherever the reader is. */
export const isQuitKey = (key: Key | undefined): boolean =>
  key?.name === 'escape' || (Boolean(key?.ctrl) && (key?.name === 'c' || key?.name === 'd'));

/**
 * The next key pressed, read without echo or line editing; the terminal is back in its own mode after. `stop` (a
 * signal) ends the wait as Esc would.
 */
export function readKey(input: NodeJS.ReadStream, stop?: AbortSignal): Promise<Key> {
  if (stop?.aborted) return Promise.resolve({ name: 'escape' });
  emitKeypressEvents(input);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve) => {
    const done = (key: Key): void => {
      input.off('keypress', onKey);
      stop?.removeEventListener('abort', onStop);
      input.setRawMode(false);
      input.pause();
      resolve(key);
    };
    const onKey = (sequence: string | undefined, key: Key | undefined): void => done(key ?? { sequence });
    const onStop = (): void => done({ name: 'escape' });
    input.on('keypress', onKey);
    stop?.addEventListener('abort', onStop);
  });
}
