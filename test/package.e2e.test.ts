// The package as npm ships it: what the tarball holds, and a global install that works from any folder, man page too.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { cleanEnv } from './helpers/cli.js';
import { repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

/** The environment without the npm_* settings `npm test` hands down, which would steer the npm run here. */
const npmEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(cleanEnv(extra)).filter(([name]) => !name.toLowerCase().startsWith('npm_')));

// --ignore-scripts: `npm test` has just built dist/, and rebuilding it here would race the other test files
function npm(args: string[], cwd = repoPath('.')) {
  const result = spawnSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd,
    env: npmEnv(),
    encoding: 'utf8',
    timeout: 170_000,
  });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

describe('npm pack', () => {
  test('ships only what runs: the built code and help, bin, notes, man page, README, LICENSE, CHANGELOG', () => {
    const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json']));
    const files: string[] = pack.files.map((file: { path: string }) => file.path).sort();
    const built = readdirSync(repoPath('dist'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(repoPath('.'), join(entry.parentPath, entry.name)));
    expect(files).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'bin/kubenotes.js',
        'bin/package.json',
        'notes/kubecon-na-2022.md',
        'package.json',
        ...built,
      ].sort(),
    );
    expect(built).toEqual(
      expect.arrayContaining([
        'dist/main.js',
        'dist/io/answers.js',
        'dist/io/kept-code.js',
        'dist/kubenotes.1',
        'dist/help.txt',
        'dist/package.json',
      ]),
    );
    expect(built.every((file) => /\.(js|1)$/.test(file) || file === 'dist/help.txt' || file === 'dist/package.json')).toBe(true);
  });
});

describe('the build', () => {
  test('every file of dist/ runs in strict mode, as the ES modules it is made from did', () => {
    const built = readdirSync(repoPath('dist')).filter((name) => name.endsWith('.js'));
    expect(built.length).toBeGreaterThan(10);
    expect(built.filter((name) => !readFileSync(repoPath(`dist/${name}`), 'utf8').startsWith('"use strict";'))).toEqual([]);
  });

  test('a program that cannot load fails the process, even where rejections are only warned of', () => {
    // an installation missing a file of the program: the entry loads, the CLI does not
    const copy = scratchFolder('kubenotes-broken-');
    try {
      for (const part of ['bin', 'dist', 'notes', 'package.json']) cpSync(repoPath(part), join(copy, part), { recursive: true });
      symlinkSync(repoPath('node_modules'), join(copy, 'node_modules'));
      for (const name of readdirSync(join(copy, 'dist')).filter((name) => name.startsWith('cli-'))) rmSync(join(copy, 'dist', name));
      for (const mode of ['warn', 'none']) {
        const run = spawnSync(process.execPath, [`--unhandled-rejections=${mode}`, join(copy, 'bin/kubenotes.js'), 'list'], {
          env: cleanEnv(),
          encoding: 'utf8',
          timeout: 30_000,
        });
        expect([mode, run.status]).toEqual([mode, 1]);
        expect(run.stdout).toBe('');
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('npm install -g of the tarball', () => {
  const scratch = scratchFolder('kubenotes-install-');
  const prefix = join(scratch, 'prefix');
  const elsewhere = mkdtempSync(join(scratch, 'elsewhere-'));
  // Node for the installed bin's shebang; nothing of this checkout on PATH
  const env = npmEnv({ PATH: [join(prefix, 'bin'), dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter), MANPATH: '' });

  test('gives a kubenotes on PATH that lists its bundled notes from any folder', () => {
    npm(['pack', '--pack-destination', scratch]);
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'))!;
    // dependencies come from the registry, or npm's cache when it has them
    npm(['install', '--global', '--prefix', prefix, '--prefer-offline', join(scratch, tarball)], scratch);
    const list = spawnSync('kubenotes', ['list', '--depth', '1'], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^Session Notes and Thoughts\n/);
    expect(list.stdout).toContain('7  Prometheus - Intro, Deep Dive, And Open Q+A');
    // the help the build prepared ships and is found from the installed entry
    const help = spawnSync('kubenotes', ['--help'], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(help.stdout).toBe(spawnSync('kubenotes', ['--help', '--no-pager'], { cwd: elsewhere, env, encoding: 'utf8' }).stdout);
    expect(help.stdout).toMatch(/^Usage: kubenotes /);
  }, 180_000);

  test('renders with what it installed: a diagram, and code highlighted in colour', () => {
    const diagram = spawnSync('kubenotes', ['show', '6.4'], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(diagram.stderr).toBe('');
    expect(diagram.stdout).toContain('│ Configuration Management │');
    writeFileSync(join(elsewhere, 'code.md'), '# Code\n\n## Shell\n\n```bash\necho "hi"\n```\n');
    const code = spawnSync('kubenotes', ['-f', 'code.md', 'show', 'shell'], {
      cwd: elsewhere,
      env: { ...env, FORCE_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(code.stderr).toBe('');
    expect(code.stdout).toContain('\u001b[32m"hi"\u001b[39m');
  });

  const hasMan = spawnSync('man', ['--version']).status === 0;
  if (!hasMan) console.warn('skipping `man kubenotes`: man is not installed (apt-get install man-db)');
  (hasMan ? test : test.skip)('man kubenotes finds the installed page, beside the bin on PATH', () => {
    const man = spawnSync('man', ['kubenotes'], { cwd: elsewhere, env: { ...env, MANPAGER: 'cat', MANWIDTH: '80' }, encoding: 'utf8' });
    expect(man.status).toBe(0);
    expect(man.stdout).toMatch(/^NAME\n\s+kubenotes - Read, search and export Markdown notes from the shell$/m);
    expect(man.stdout).toMatch(/^COMMANDS$/m);
    expect(man.stdout).toMatch(/^ {3}kubenotes show \[options\] <query\.\.\.>$/m);
  });
});
