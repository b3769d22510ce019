// Entry point of the built CLI: run kubenotes on this process and leave its exit code.
import { writeSync } from 'node:fs';
import { makeSegmentersLazy } from './io/lazy-segmenter.js';
import { VERSION } from './version.js';

const args = process.argv.slice(2);
// asked hundreds of times by scripts and package managers: answered before the CLI is even loaded, and without
// process.stdout, whose stream costs more to set up than the answer
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  try {
    writeSync(1, `${VERSION}\n`);
  } catch {
    // a reader that has already gone (EPIPE) needs no version
  }
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
}
