#!/usr/bin/env node
// CommonJS, as the build is: Node 20's loader of ES modules costs a run more than the program's own work on small notes.
// The version is answered here, before the program is loaded: scripts and package managers ask for it often.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync, writeSync } = require('node:fs');
  const { version } = JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8'));
  try {
    writeSync(1, `${version}\n`);
  } catch {
    // a reader that has already gone (EPIPE) needs no answer
  }
} else {
  require('../dist/boot.js');
}
