// Entry point of the built CLI: run kubenotes on this process and leave its exit code.
import { readFileSync } from 'node:fs';
import { asksForHelp } from './help-request.js';
import { makeSegmentersLazy } from './io/lazy-segmenter.js';
import { colorLevel, outputWidth } from './io/tty.js';
import { isTerminal } from './io/stream-kind.js';
import { writeNow } from './io/write-now.js';
import type { AnswerSources } from './io/answers.js';

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
  const terminal = isTerminal(1);
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

/** Runs kubenotes on this process and leaves its exit code (a function, not top-level await: the build is CommonJS). */
async function main(): Promise<void> {
  const answer = await earlyAnswer(process.argv.slice(2));
  if (answer !== undefined) {
    writeNow(answer);
  } else {
    // a reader that stops early (`| head`, `2>&1 | head`) is not an error: EPIPE ends output quietly, on either stream
    process.stdout.on('error', () => {});
    let stderrUsed = false;
    // here, not above: help never needs it
    const [{ invocationHash, invocationOf }, { keepAnswer }] = await Promise.all([import('./io/invocation.js'), import('./io/answers.js')]);
    const invocation = invocationOf(process);
    const invoked = invocation && invocationHash(invocation);
    /** What the run printed, when it printed one output kept for the notes and nothing else. */
    let printed: { text: string; sources?: AnswerSources } | undefined;
    let results = 0;
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
        if (!stderrUsed) process.stderr.on('error', () => {});
        stderrUsed = true;
        return process.stderr;
      },
      printed: (text, sources) => {
        results++;
        printed = { text, sources };
      },
    });
    // the same command run the same way (terminal size included, had it changed meanwhile) will print it again
    const now = invocationOf(process);
    if (process.exitCode === 0 && !stderrUsed && results === 1 && printed?.sources && now && invocationHash(now) === invoked)
      keepAnswer(now, printed.sources, printed.text);
    // Exiting at once skips tearing the heap down, which a large folder's run pays tens of milliseconds for; after the
    // immediates already queued, and only when both streams have written everything (a full pipe's rest is left to
    // Node, which waits for it).
    setImmediate(() => {
      if (process.stdout.writableLength === 0 && (!stderrUsed || process.stderr.writableLength === 0)) process.exit();
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
