#!/usr/bin/env node
// The version is answered here, before the program is loaded: scripts and package managers ask for it often.
import { readFileSync, writeSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  try {
    writeSync(1, `${version}\n`);
  } catch {
    // a reader that has already gone (EPIPE) needs no answer
  }
} else {
  await import('../dist/main.js');
}
