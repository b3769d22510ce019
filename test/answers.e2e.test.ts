// A command run again the same way on the same notes prints what it printed before without loading the program
// (io/answers.ts), and prints exactly what a run without the cache prints: whatever it is asked, however its notes
// changed, wherever its output goes.
import { describe, expect, jest, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, freshCacheHome } from './helpers/cli.js';
import { fixturePath, repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(120_000);

/** A run of the built CLI with the module tracer: its output, and whether it loaded the program or printed an answer. */
function run(args: string[], env: NodeJS.ProcessEnv, cwd?: string) {
  const result = spawnSync(
    process.execPath,
    ['--require', repoPath('test/helpers/trace-modules.cjs'), repoPath('bin/kubenotes.js'), ...args],
    {
      env,
      cwd,
      encoding: 'utf8',
      input: '',
      timeout: 30_000,
    },
  );
  const traced = result.stderr.split('\n').filter((line) => line.startsWith('[module] '));
  return {
    stdout: result.stdout,
    stderr: result.stderr.replace(/^\[module\] .*\n/gm, ''),
    status: result.status,
    answered: !traced.some((line) => line.endsWith('/dist/main.js')),
  };
}

/** What a run on a cache of its own prints. */
const fresh = (args: string[], env: NodeJS.ProcessEnv, cwd?: string) => {
  const { stdout, stderr, status } = run(args, { ...env, XDG_CACHE_HOME: freshCacheHome() }, cwd);
  return { stdout, stderr, status };
};
const printed = ({ stdout, stderr, status }: ReturnType<typeof run>) => ({ stdout, stderr, status });

describe('answers', () => {
  test('each command run again the same way is answered, and prints what a run without the cache prints', () => {
    const env = cleanEnv();
    const commands = [
      ['list'],
      ['list', '--json'],
      ['list', '--depth', '0'],
      ['--width', '50', 'list'],
      ['search', 'helm'],
      ['search', '--in', 'takeaways', 'pipelines'],
      ['search', '--json', '--limit', '3', 'helm'],
      ['show', '7'],
      ['show', 'prometheus'],
      ['show', '6.4'],
      ['--theme', 'dark', 'show', '7.1'],
    ];
    for (const args of commands) {
      const expected = fresh(args, env);
      expect([args, expected.status]).toEqual([args, 0]);
      const runs = [run(args, env), run(args, env), run(args, env)];
      for (const [index, result] of runs.entries()) expect([args, index, printed(result)]).toEqual([args, index, expected]);
      expect([args, runs.map((result) => result.answered)]).toEqual([args, [false, true, true]]);
    }
    // colour: another environment, another answer
    const coloured = { ...env, FORCE_COLOR: '1' };
    run(['list'], coloured);
    const colour = run(['list'], coloured);
    expect(colour.stdout).toContain('\u001b[');
    expect(colour.stdout).toBe(fresh(['list'], coloured).stdout);
    expect(run(['list'], env).stdout).not.toContain('\u001b[');
  });

  test('what finds nothing or says something is never answered: the message and exit status every time', () => {
    const env = cleanEnv();
    for (let round = 0; round < 3; round++) {
      const missed = run(['search', 'zzzqqqxxx'], env);
      expect([missed.status, missed.stdout, missed.answered]).toEqual([1, '', false]);
      expect(missed.stderr).toMatch(/^kubenotes: /);
      const unknown = run(['show', 'no-such-section-here'], env);
      expect([unknown.status, unknown.answered]).toEqual([1, false]);
      expect(unknown.stderr).toMatch(/^kubenotes: /);
    }
    // a folder with a file whose front matter cannot be read: said by every run that parses it, and no answer
    const folder = scratchFolder('kubenotes-answers-warned-');
    writeFileSync(join(folder, 'broken.md'), '---\ntitle: [unclosed\n---\n# Broken\n');
    writeFileSync(join(folder, 'fine.md'), '# Fine\n');
    const warned = run(['-f', folder, 'list'], env);
    expect(warned.stderr).toMatch(/warning/);
    expect(warned.answered).toBe(false);
    expect(printed(run(['-f', folder, 'list'], env))).toEqual({ ...printed(warned), stderr: '' }); // said once, as the cache does
  });

  test('after a change to the notes, the configuration or the folder, the next run prints what a fresh run prints', () => {
    const home = scratchFolder('kubenotes-answers-config-home-');
    const env = cleanEnv({ XDG_CONFIG_HOME: home });
    const folder = scratchFolder('kubenotes-answers-notes-');
    const notes = join(folder, 'notes.md');
    copyFileSync(fixturePath('talks.md'), notes);
    const settled = new Date(Date.now() - 60_000);
    utimesSync(notes, settled, settled);
    utimesSync(folder, settled, settled);
    const args = ['-f', folder, 'list'];
    const answeredNow = () => {
      run(args, env);
      const again = run(args, env);
      expect(again.answered).toBe(true);
      return again;
    };
    const before = answeredNow();
    // the same size, the same modification time: the change time tells
    const text = readFileSync(notes, 'utf8');
    const edited = text.replace('## How Salesforce', '## How SALESFORCE');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(notes, edited);
    utimesSync(notes, settled, settled);
    const afterEdit = run(args, env);
    expect(afterEdit.answered).toBe(false);
    expect(printed(afterEdit)).toEqual(fresh(args, env));
    expect(afterEdit.stdout).not.toBe(before.stdout);
    answeredNow();
    // a configuration file written, then edited to the same size at the same time: its width
    mkdirSync(join(home, 'kubenotes'));
    const config = join(home, 'kubenotes', 'config.json');
    for (const width of ['30', '40']) {
      writeFileSync(config, `{"width": ${width}}`);
      utimesSync(config, settled, settled);
      const configured = run(['--width', width, ...args], { ...env, XDG_CONFIG_HOME: scratchFolder('kubenotes-no-config-') });
      const afterConfig = run(args, env);
      expect(afterConfig.answered).toBe(false);
      expect(afterConfig.stdout).toBe(configured.stdout);
      expect(answeredNow().stdout).toBe(configured.stdout);
    }
    // a file added to the folder
    answeredNow();
    writeFileSync(join(folder, 'added.md'), '# Added page\n');
    const afterAdd = run(args, env);
    expect(afterAdd.answered).toBe(false);
    expect(afterAdd.stdout).toContain('Added page');
    expect(printed(afterAdd)).toEqual(fresh(args, env));
  });

  test('relative paths are answered from the folder they were run in only; output to a file as to a pipe', () => {
    const env = cleanEnv();
    const one = scratchFolder('kubenotes-answers-cwd-');
    const two = scratchFolder('kubenotes-answers-cwd-');
    writeFileSync(join(one, 'notes.md'), '# One\n\n## Alpha\n');
    writeFileSync(join(two, 'notes.md'), '# Two\n\n## Beta\n');
    for (const folder of [one, two]) utimesSync(join(folder, 'notes.md'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    for (let round = 0; round < 2; round++) {
      expect(run(['-f', 'notes.md', 'list'], env, one).stdout).toContain('Alpha');
      expect(run(['-f', 'notes.md', 'list'], env, two).stdout).toContain('Beta');
    }
    expect(run(['-f', 'notes.md', 'list'], env, one).answered).toBe(true);
    // stdout a file: the same text, the answer of its own
    const out = join(one, 'out.txt');
    for (let round = 0; round < 3; round++) {
      const result = spawnSync(`"${process.execPath}" "${repoPath('bin/kubenotes.js')}" -f notes.md list > out.txt`, {
        shell: true,
        cwd: one,
        env,
      });
      expect(result.status).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(run(['-f', 'notes.md', 'list'], env, one).stdout);
      expect(statSync(out).size).toBeGreaterThan(0);
    }
  });
});
