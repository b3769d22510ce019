// Writing results: straight to stdout, or through the user's pager when a terminal would scroll past them.
import { spawn } from 'node:child_process';
import { holdInterrupts } from './signals.js';

export const DEFAULT_PAGER = 'less -FRX';

export interface OutputOptions {
  /** `--no-pager` turns paging off. */
  paging: boolean;
  stdout: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** The configuration file's pager, used when PAGER is not set. */
  configuredPager?: string;
}

/** How a result reached the reader: printed, or through the pager, which Ctrl-C may have been pressed in. */
export type Delivery = 'printed' | 'paged' | 'interrupted';

/** Has `text` more than `rows` lines? Counted only as far as needed: a folder's outline may be 100,000s of lines. */
function isTaller(text: string, rows: number): boolean {
  let lines = 1;
  for (let end = text.indexOf('\n'); end !== -1 && lines <= rows; end = text.indexOf('\n', end + 1)) lines++;
  return lines > rows;
}

const pagerOf = (options: OutputOptions): string => options.env.PAGER ?? options.configuredPager ?? DEFAULT_PAGER;

/** Whether `text` goes through the pager: only at a terminal, and only when taller than the screen. */
export const wantsPager = (text: string, options: OutputOptions): boolean =>
  options.paging && Boolean(options.stdout.isTTY) && pagerOf(options).trim() !== '' && isTaller(text, options.stdout.rows ?? Infinity);

/** Results go to stdout, or through `$PAGER` where it wants it (and it starts). */
export async function writeResult(text: string, options: OutputOptions): Promise<Delivery> {
  const { stdout } = options;
  if (wantsPager(text, options)) {
    const paged = await page(text, pagerOf(options), options.env);
    if (paged) return paged;
  }
  await new Promise<void>((resolve) => stdout.write(text, () => resolve()));
  return 'printed';
}

/**
 * Runs the pager on `text` and waits for it to end; undefined if it could not start, so the caller prints instead.
 * Without LESS of the user's, less is given git's (`FRX`): `PAGER=less` alone would show colours as escape codes.
 */
function page(text: string, pager: string, env: NodeJS.ProcessEnv): Promise<Exclude<Delivery, 'printed'> | undefined> {
  return new Promise((resolve) => {
    const child = spawn(pager, {
      shell: true,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: env.LESS === undefined ? { ...env, LESS: 'FRX' } : env,
    });
    let started = true;
    // the pager decides what Ctrl-C does (less stays open); kubenotes waits for it
    const held = holdInterrupts();
    child.on('error', () => {
      started = false;
    });
    child.stdin.on('error', () => {}); // the reader quit the pager before reading everything: not an error
    child.stdin.end(text);
    child.on('close', (code) => {
      held.release();
      resolve(!started || code === 127 ? undefined : held.interrupted() ? 'interrupted' : 'paged');
    });
  });
}
