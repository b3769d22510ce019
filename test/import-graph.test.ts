// The floors main → cli → commands → program → io → render → core hold: dependency-cruiser checks src/ against the
// rules of .dependency-cruiser.cjs, and a tree with a back edge planted on each floor shows the rules catch them.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

/** Only a hung cruise runs this long, on the slowest machine. */
const HANG_MS = 300_000;

function cruise(cwd: string): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [
      repoPath('node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      '--config',
      repoPath('.dependency-cruiser.cjs'),
      '--output-type',
      'err',
      'src',
    ],
    { cwd, encoding: 'utf8', timeout: HANG_MS },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

/** A small tree of sources in its own folder, each file's text as given. */
function tree(files: Record<string, string>): string {
  const root = scratchFolder('kubenotes-imports-');
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the import graph', () => {
  test(
    'src/ imports only downward, without circles',
    () => {
      const { status, output } = cruise(repoPath(''));
      expect(output).toContain('no dependency violations found');
      expect(status).toBe(0);
    },
    HANG_MS,
  );

  test(
    'a back edge on any floor, a circle, or the file system in the core fails the check',
    () => {
      const root = tree({
        'src/main.ts': "import './cli.js';\n",
        'src/cli.ts': "import './commands/show.js';\nimport './main.js';\n",
        'src/commands/show.ts': "import '../cli.js';\nimport '../io/notes.js';\n",
        'src/io/notes.ts': "import '../commands/show.js';\n",
        'src/program/topics.ts': "import '../commands/show.js';\n",
        'src/render/page.ts': "import '../io/notes.js';\nimport '../program/topics.js';\n",
        'src/core/markdown/parse.ts':
          "import { readFileSync } from 'node:fs';\nimport '../../render/page.js';\nexport const read = readFileSync;\n",
      });
      const { status, output } = cruise(root);
      for (const rule of [
        'no-circular',
        'core-is-pure',
        'core-imports-nothing-above',
        'render-imports-only-core',
        'io-below-program',
        'program-below-commands',
        'commands-below-cli',
        'cli-below-main',
      ]) {
        expect(output).toContain(`error ${rule}:`);
      }
      expect(status).not.toBe(0);
    },
    HANG_MS,
  );
});
