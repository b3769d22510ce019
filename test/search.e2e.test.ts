// `kubenotes search` run as a user runs it: stdout, stderr and exit codes apart.
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runCli } from './helpers/cli.js';
import { fixturePath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

const ANSI = /\u001b\[/;
/** Two talks in the bundled notes' shape, for tests that name exact lines. */
const TALKS = fixturePath('talks.md');

describe('search', () => {
  test('hits grouped under their section number and path, each with its line and label; no colour when piped', () => {
    const { stdout, stderr, status } = runCli(['-f', TALKS, '--width', '120', 'search', 'memoisation']); // whole lines: search fits the width
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        '1  How Salesforce Is Moving To Argo Workflows',
        '  16  Why Argo workflows? › Memoization and caching support',
        '  20  Steps to convert to Argo Workflows › Enable extensive memoization/caching across stages',
        '',
      ].join('\n'),
    );
  });

  test("--json: the contract fields, best first, the hit's own line; --limit", () => {
    const { stdout, status } = runCli(['-f', TALKS, 'search', '--json', '--limit', '2', 'sum', 'by(path)']);
    expect(status).toBe(0);
    const hits = JSON.parse(stdout);
    expect(hits.length).toBeLessThanOrEqual(2);
    expect(Object.keys(hits[0])).toEqual(['id', 'title', 'path', 'file', 'page', 'label', 'line', 'text', 'score', 'copies']);
    expect(hits[0]).toMatchObject({
      id: 'querying',
      title: 'Querying',
      path: ['Prometheus - Intro, Deep Dive, And Open Q+A', 'Querying'],
      label: 'Group by path',
      line: 32,
    });
    expect(hits[0].text).toMatch(/^sum by\(path\) \(rate\(http_requests_total/);
    expect(hits.every((hit: { score: number }) => hit.score >= 0 && hit.score <= 1)).toBe(true);
    expect(JSON.parse(runCli(['search', '--json', '--limit', '3', 'helm']).stdout)).toHaveLength(3);
  });

  test('--in: only blocks under a matching path or label', () => {
    const hits = JSON.parse(runCli(['search', '--json', '--limit', '50', '--in', 'takeaways', 'e']).stdout);
    const places = new Set(hits.map((hit: { title: string; label: string }) => (hit.title === 'Takeaways' ? 'section' : hit.label)));
    expect(places).toEqual(new Set(['section', 'Takeaways']));
  });

  test('nothing found: exit 1, [] with --json, a message on stderr', () => {
    expect(runCli(['search', '--json', 'qwertyuiop'])).toEqual({
      stdout: '[]\n',
      stderr: 'kubenotes: nothing matches "qwertyuiop"\n',
      status: 1,
    });
    expect(runCli(['search', 'qwertyuiop'])).toEqual({ stdout: '', stderr: 'kubenotes: nothing matches "qwertyuiop"\n', status: 1 });
    expect(runCli(['search', '--in', 'zzzz', 'helm']).stderr).toBe('kubenotes: nothing matches "helm" in "zzzz"\n');
    expect(runCli(['search', '"zzzz qwertyuiop"']).stderr).toBe('kubenotes: nothing matches "zzzz qwertyuiop"\n');
  });

  test.each([
    ['no query', ['search'], /missing required argument/],
    ['an empty query', ['search', ' '], /query is empty/],
    ['--limit 0', ['search', '--limit', '0', 'helm'], /--limit/],
    ['an empty --in', ['search', '--in', '', 'helm'], /--in needs words/],
  ])('usage errors exit 2: %s', (_name, args, message) => {
    const { stdout, stderr, status } = runCli(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  test('FORCE_COLOR highlights the matched characters; NO_COLOR does not', () => {
    const coloured = runCli(['search', 'trivy'], { env: cleanEnv({ FORCE_COLOR: '1' }) }).stdout;
    expect(coloured).toMatch(/Containers: \u001b\[31m\u001b\[1mtrivy/);
    expect(runCli(['search', 'trivy'], { env: cleanEnv({ NO_COLOR: '1' }) }).stdout).not.toMatch(ANSI);
  });

  test('escape sequences in the notes never reach the terminal; several files are named', () => {
    const folder = scratchFolder('kubenotes-search-');
    writeFileSync(join(folder, 'a.md'), '## Evil\n\n- boom \u001b[2J\u001b]0;pwned\u0007 here \u009b31m\n');
    writeFileSync(join(folder, 'b.md'), '## Calm\n\n- boom, quietly\n');
    const { stdout, status } = runCli(['search', '-f', folder, 'boom']);
    expect(status).toBe(0);
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(stdout).toMatch(/^1 {2}a › Evil {2}a\.md\n {2}3 {2}boom .*here/m);
    expect(stdout).toMatch(/^2 {2}b › Calm {2}b\.md$/m);
  });
});

describe('a notes folder with front matter', () => {
  test('a tag is a meta hit of its file, every hit names its file, no front-matter line is prose', () => {
    const { stdout, status } = runCli(['search', '--json', '--limit', '50', '-f', fixturePath('sites/hugo-docs'), 'helm']);
    expect(status).toBe(0);
    const hits = JSON.parse(stdout) as Array<{ id: string | null; file: string; label: string; line: number; text: string }>;
    expect(hits).toContainEqual(
      expect.objectContaining({ id: null, file: 'content/docs/install.md', label: 'tags', line: 6, text: 'install, helm' }),
    );
    expect(hits.every((hit) => typeof hit.file === 'string')).toBe(true);
    expect(hits.filter((hit) => /^(title|linkTitle|weight|tags):/.test(hit.text))).toEqual([]);
  });
});

describe('searches one after another, through the cache', () => {
  /** A folder whose pages all hold `word`, two of them below `sub`. */
  function folderOfPages(): string {
    const folder = scratchFolder('kubenotes-search-cache-');
    mkdirSync(join(folder, 'sub'));
    for (const name of ['a', 'b', 'sub/c', 'sub/d']) {
      const title = name.replace('/', ' ');
      writeFileSync(
        join(folder, `${name}.md`),
        `# Page ${title}\n\n## First ${title}\n\nword one ${title}\n\n## Second ${title}\n\n- word two ${title}\n- other\n`,
      );
    }
    return folder;
  }
  const search = (args: string[], env: NodeJS.ProcessEnv) => runCli(['search', '--json', ...args], { env });

  test('--under after a search of every page: the hits of a search without the cache', () => {
    const folder = folderOfPages();
    const env = cleanEnv();
    expect(search(['-f', folder, 'word'], env).status).toBe(0);
    const cut = search(['-f', folder, '--under', 'sub', 'word'], env);
    expect(cut.status).toBe(0);
    expect(JSON.parse(cut.stdout)).toEqual(JSON.parse(search(['-f', folder, '--under', 'sub', 'word'], cleanEnv()).stdout));
    expect(JSON.parse(cut.stdout).map((hit: { file: string }) => hit.file)).toEqual(expect.arrayContaining(['sub/c.md', 'sub/d.md']));
  });

  test('alternating searches print what a search without the cache prints', () => {
    const folder = folderOfPages();
    const env = cleanEnv();
    for (const query of ['word', 'other', 'word', 'second', 'word one', 'other', '--limit=1 word']) {
      const args = ['-f', folder, ...query.split(' ')];
      expect(JSON.parse(search(args, env).stdout)).toEqual(JSON.parse(search(args, cleanEnv()).stdout));
    }
  });
});
