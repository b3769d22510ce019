// Entry point of the built CLI: run kubenotes on this process and leave its exit code.
import { readFileSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { asksForHelp } from './help-request.js';
import { makeSegmentersLazy } from './io/lazy-segmenter.js';
import { colorLevel, outputWidth } from './io/tty.js';

/**
 * Whether help would be painted, which the prepared text is not: with colour on, a theme other than the standard one
 * (which leaves help in the terminal's colours) paints it. A configuration file that cannot be read is the CLI's to
 * report.
 */
async function helpIsPainted(terminal: boolean): Promise<boolean> {
  if (colorLevel(true, { env: process.env, isTTY: terminal, supportedLevel: 1 }) === 0) return false;
  const { readConfig } = await import('./io/config.js');
  try {
    const { theme } = readConfig(process.env);
    return theme !== undefined && theme !== 'standard';
  } catch {
    return true;
  }
}

/** The help the build prepared (dist/help.txt) at the width help is printed at; undefined where there is none. */
async function preparedHelp(): Promise<string | undefined> {
  let file: string;
  try {
    file = readFileSync(new URL('./help.txt', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
  const terminal = isatty(1);
  if (await helpIsPainted(terminal)) return undefined;
  const { preparedHelpAt } = await import('./program/prepared.js');
  return preparedHelpAt(file, outputWidth({ env: process.env, isTTY: terminal, columns: terminal ? process.stdout.columns : undefined }));
}

/**
 * What the entry answers on its own, before the CLI is even loaded: the program's help (the version is the bin's to
 * answer, before even this module is loaded).
 */
async function earlyAnswer(args: string[]): Promise<string | undefined> {
  return asksForHelp(args) ? preparedHelp() : undefined;
}

/** Writes the answer without process.stdout, whose stream costs more to set up than the answer, unless the pipe is full. */
function writeAnswer(text: string): void {
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    // a reader that has already gone (EPIPE) needs no answer; a full pipe that will not wait takes it as a stream
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') process.stdout.write(bytes.subarray(written));
  }
}

/** Runs kubenotes on this process and leaves its exit code (a function, not top-level await: the build is CommonJS). */
async function main(): Promise<void> {
  const answer = await earlyAnswer(process.argv.slice(2));
  if (answer !== undefined) {
    writeAnswer(answer);
  } else {
    // a reader that stops early (`| head`, `2>&1 | head`) is not an error: EPIPE ends output quietly, on either stream
    process.stdout.on('error', () => {});
    let stderrQuiet = false;
    makeSegmentersLazy(); // before any module that makes one as it loads
    const { run } = await import('./cli.js');
    // standard input and error are streams Node sets up on first use: only commands that read or warn pay for them
    process.exitCode = await run({
      argv: process.argv,
      env: process.env,
      get stdin() {
        return process.stdin;
      },
      stdout: process.stdout,
      get stderr() {
        if (!stderrQuiet) process.stderr.on('error', () => {});
        stderrQuiet = true;
        return process.stderr;
      },
    });
    // Exiting at once skips tearing the heap down, which a large folder's run pays tens of milliseconds for; after the
    // immediates already queued, and only when both streams have written everything (a full pipe's rest is left to
    // Node, which waits for it).
    setImmediate(() => {
      if (process.stdout.writableLength === 0 && (!stderrQuiet || process.stderr.writableLength === 0)) process.exit();
    });
  }
}

// what run() could not turn into a message (the program did not load) fails the process, whatever
// --unhandled-rejections says: thrown again as an uncaught exception
main().catch((error: unknown) =>
  setImmediate(() => {
    throw error;
  }),
);
