// Every ```console example of the README and the manual (docs/) is run against the built CLI, so the manual shows what kubenotes
// prints today: a changed output fails here until its example changes. (See docs/README.md for the conventions.)
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cleanEnv } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';
import { matchesTranscript, normalisedLines, transcriptBlocks } from './helpers/transcript.js';
import { scratchFolder } from './helpers/scratch.js';

/** The README and every Markdown page of the manual (docs/). */
function documentedFiles(): string[] {
  const pages = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return pages(path);
      return entry.name.endsWith('.md') ? [path] : [];
    });
  return [repoPath('README.md'), ...(existsSync(repoPath('docs')) ? pages(repoPath('docs')) : [])];
}

/**
 * A working folder that looks like the repository's root (its entries linked in), so examples name the notes and
 * fixtures by their paths in the repository, while the files an example writes land in the folder, not the checkout.
 */
function workingFolder(): string {
  const folder = scratchFolder('kubenotes-example-');
  for (const entry of readdirSync(repoPath(''))) if (!entry.startsWith('.')) symlinkSync(repoPath(entry), join(folder, entry));
  return folder;
}

/** A folder with a `kubenotes` command that runs the built CLI, to put first on PATH. */
function kubenotesOnPath(): string {
  const folder = scratchFolder('kubenotes-transcripts-');
  const command = join(folder, 'kubenotes');
  writeFileSync(command, `#!/bin/sh\nexec "${process.execPath}" "${repoPath('bin/kubenotes.js')}" "$@"\n`);
  chmodSync(command, 0o755);
  return folder;
}

const bin = kubenotesOnPath();
/** Only a hung example runs this long, on the slowest machine. */
const HANG_MS = 120_000;

for (const file of documentedFiles()) {
  const name = relative(repoPath(''), file);
  const blocks = transcriptBlocks(readFileSync(file, 'utf8'));
  if (blocks.length === 0) continue;
  describe(name, () => {
    for (const block of blocks) {
      // the commands of one block share a working folder and a cache, as one user's session does; an example of
      // `edit` must not wait in an editor: `true` stands in for the user's
      const cwd = workingFolder();
      const env = cleanEnv({ COLUMNS: '80', EDITOR: 'true', PATH: `${bin}:${process.env.PATH}` });
      for (const step of block.steps) {
        test(`line ${step.line}: $ ${step.command}`, () => {
          const run = spawnSync('bash', ['-c', `exec 2>&1\n${step.command}`], { cwd, env, encoding: 'utf8', input: '', timeout: HANG_MS });
          const actual = normalisedLines(run.stdout);
          if (!matchesTranscript(step.expected, actual)) expect(actual.join('\n')).toBe(step.expected.join('\n'));
          expect(run.status).toBe(step.exit);
        });
      }
    }
  });
}
