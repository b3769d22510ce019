// Output kept between runs changes speed, never output: what `list`, `show` and `search` made from notes read whole
// from the cache, or parsed and written to it, is kept for the next run on the same notes (named by the hash of all the
// notes entry holds but its files' stamps), one output for each set of options, width and style (and what was shown or
// looked for); a change to the notes makes it anew, a touched file does not.
import { describe, expect, jest, test } from '@jest/globals';
import { appendFileSync, cpSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadNotes } from '../src/io/notes.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { fixturePath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

jest.setTimeout(120_000);

const quiet = { stdin: new PassThrough(), stderr: new PassThrough() };

/** A copy of a fixture site, to change; its install page with a link out and a code line wider than a terminal. */
function siteCopy(): string {
  const folder = scratchFolder('kubenotes-kept-output-');
  cpSync(fixturePath('sites/hugo-docs'), folder, { recursive: true });
  const wide = `helm install widgets widgets/widgets ${'--set replicas=3 '.repeat(8)}`;
  appendFileSync(join(folder, 'content/docs/install.md'), `\nSee [the chart](https://example.com/chart).\n\n\`\`\`sh\n${wide}\n\`\`\`\n`);
  return folder;
}

describe('output kept between runs', () => {
  test('what a run made from the notes is what the next run on them gets, without making it, until they change', async () => {
    const folder = siteCopy();
    const env = { XDG_CACHE_HOME: scratchFolder('kubenotes-kept-output-home-') };
    const load = () => loadNotes([folder], { env, ...quiet });
    const never = jest.fn(() => 'made again\n');
    // the run that parses the notes keeps what it makes, as the runs that read them whole from the cache do
    const first = await load();
    expect(await first.outputs!('list', 'outline', () => 'the outline\n')).toBe('the outline\n');
    const second = await load();
    expect(await second.outputs!('list', 'outline', never)).toBe('the outline\n');
    // printed without making one document of the notes read whole from the cache: they are made when first read
    expect(Object.getOwnPropertyDescriptor(second.collection, 'documents')).toHaveProperty('get', expect.any(Function));
    expect(await second.outputs!('list', 'pages', () => 'the pages\n')).toBe('the pages\n');
    const third = await load();
    expect(await third.outputs!('list', 'outline', never)).toBe('the outline\n');
    expect(await third.outputs!('list', 'pages', never)).toBe('the pages\n');
    expect(never).not.toHaveBeenCalled();
    expect(await third.outputs!('list', 'other options', () => 'other\n')).toBe('other\n');
    expect(await third.outputs!('show', 'outline', () => 'a kind of its own\n')).toBe('a kind of its own\n');

    // a page touched (its time, not its text): the notes are stamped anew, and what was made from them still holds
    const later = new Date(Date.now() + 5000);
    utimesSync(join(folder, 'content/docs/install.md'), later, later);
    expect(await (await load()).outputs!('list', 'outline', never)).toBe('the outline\n');
    expect(never).not.toHaveBeenCalled();

    // a page changed: its notes are read anew, and what is made from them is made anew, and kept
    writeFileSync(join(folder, 'content/docs/install.md'), '# Changed\n');
    expect(await (await load()).outputs!('list', 'outline', () => 'the new outline\n')).toBe('the new outline\n');
    expect(await (await load()).outputs!('list', 'outline', never)).toBe('the new outline\n');
    expect(never).not.toHaveBeenCalled();
  });

  test.each([
    [
      'list',
      [
        { args: ['list'] },
        { args: ['list', '--depth', '0'] },
        { args: ['list', '--depth', '1'] },
        { args: ['--width', '40', 'list'] },
        { args: ['list'], env: { FORCE_COLOR: '3' } },
        { args: ['--theme', 'light', 'list'], env: { FORCE_COLOR: '3' } },
        { args: ['list', '--json'] },
        { args: ['list', '--under', 'content/docs/configure'] },
        { args: ['--tag', 'helm', 'list'] },
      ],
    ],
    [
      'show',
      [
        { args: ['show', 'install'] },
        { args: ['show', 'configure'] },
        { args: ['--width', '40', 'show', 'install'] },
        { args: ['show', 'install'], env: { FORCE_COLOR: '3' } },
        { args: ['--theme', 'light', 'show', 'install'], env: { FORCE_COLOR: '3' } },
        { args: ['show', 'install', '--raw'] },
        { args: ['show', 'install', '--json'] },
        { args: ['show', '--under', 'content/docs/configure', 'options'] },
        { args: ['show', 'install'], env: { FORCE_COLOR: '3', FORCE_HYPERLINK: '1' } },
        { args: ['--no-pager', 'show', 'install'] },
      ],
    ],
    [
      'search',
      [
        { args: ['search', 'helm'] },
        { args: ['search', 'cluster'] },
        { args: ['search', 'helm', '--json'] },
        { args: ['search', 'helm', '--limit', '1'] },
        { args: ['search', 'helm', '--in', 'prerequisites'] },
        { args: ['--width', '30', 'search', 'helm'] },
        { args: ['search', 'helm'], env: { FORCE_COLOR: '3' } },
        { args: ['--theme', 'light', 'search', 'helm'], env: { FORCE_COLOR: '3' } },
        { args: ['search', '--under', 'content/docs/configure', 'output'] },
      ],
    ],
  ])('%s prints the same from its kept output as from a fresh cache, for every option, width and style', (command, variants) => {
    const folder = siteCopy();
    const fresh = variants.map(({ args, env }: { args: string[]; env?: NodeJS.ProcessEnv }) =>
      runCli(['-f', folder, ...args], { env: cleanEnv(env) }),
    );
    // each variant prints something of its own: an output kept for one and given for another would be seen
    expect(new Set(fresh.map((result) => result.stdout)).size).toBe(variants.length);
    expect(fresh.map((result) => [result.status, result.stderr])).toEqual(variants.map(() => [0, '']));
    const home = cleanEnv().XDG_CACHE_HOME;
    // each round run another way (its environment), so that the program runs rather than print an earlier round's answer
    const roundEnv = (round: number, env?: NodeJS.ProcessEnv) =>
      cleanEnv({ ...env, XDG_CACHE_HOME: home, KUBENOTES_TEST_RUN: String(round) });
    for (let round = 0; round < 3; round++) {
      const kept = variants.map(({ args, env }) => runCli(['-f', folder, ...args], { env: roundEnv(round, env) }));
      expect(kept).toEqual(fresh);
    }
    // kept once, and read after that: the third round wrote nothing
    const entries = readdirSync(join(home!, 'kubenotes')).filter((name) => name.endsWith(`.${command}`));
    expect(entries).toHaveLength(1);
    const entry = statSync(join(home!, 'kubenotes', entries[0]));
    runCli(['-f', folder, ...variants[0].args], { env: roundEnv(3) });
    const after = statSync(join(home!, 'kubenotes', entries[0]));
    expect([after.ino, after.mtimeMs]).toEqual([entry.ino, entry.mtimeMs]);
  });

  test('a search that finds nothing says so on every run, and keeps nothing', () => {
    const folder = siteCopy();
    const env = cleanEnv();
    for (let run = 0; run < 3; run++) {
      expect(runCli(['-f', folder, 'search', 'zzqqxx', '--json'], { env })).toEqual({
        status: 1,
        stdout: '[]\n',
        stderr: 'kubenotes: nothing matches "zzqqxx"\n',
      });
      expect(runCli(['-f', folder, 'search', 'zzqqxx'], { env }).status).toBe(1);
    }
    expect(readdirSync(join(env.XDG_CACHE_HOME!, 'kubenotes')).filter((name) => name.endsWith('.search'))).toEqual([]);
  });
});
