// Pages end to end (issue 16): every file a page, found by title or path and shown whole; --under; list --depth 0;
// the site's order; search hits that name their page, copies collapsed, stems; warnings once and --quiet.
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runCli } from './helpers/cli.js';
import { fixturePath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

const hugo = fixturePath('pages/hugo');
const docusaurus = fixturePath('pages/docusaurus');
const vault = fixturePath('pages/vault');
const FOLDERS = [hugo, docusaurus, vault];

interface JsonPage {
  file: string;
  title: string;
  line: number;
  level: number;
  markdown: string;
}
const pagesOf = (folder: string): Array<{ file: string; title: string }> =>
  JSON.parse(runCli(['-q', 'list', '--json', '-f', folder]).stdout).files;
const show = (folder: string, ...args: string[]) => runCli(['-q', '-f', folder, 'show', ...args]);
const showJson = (folder: string, ...query: string[]): JsonPage[] => JSON.parse(show(folder, '--json', ...query).stdout);
/** A file's text after its front matter: what a page's JSON carries. */
const bodyOf = (folder: string, file: string): string => readFileSync(join(folder, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

describe('list --depth 0: the pages, one a line, in the order their site shows them', () => {
  test("Hugo: a folder's _index first, then by weight; a folder goes where its index page would", () => {
    expect(runCli(['-f', hugo, 'list', '--depth', '0']).stdout).toBe(
      [
        'Documentation  (content/en/docs/_index.md)',
        'Concepts  (content/en/docs/concepts/_index.md)',
        'Actors overview  (content/en/docs/concepts/actors-overview.md)',
        'Workflow overview  (content/en/docs/concepts/workflow-overview.md)',
        'Error codes returned by APIs  (content/en/docs/concepts/error-codes.md)',
        'Operations  (content/en/docs/operations/_index.md)',
        'Self-hosted mode  (content/en/docs/operations/hosting/self-hosted/_index.md)',
        'Resiliency  (content/en/docs/operations/hosting/self-hosted/resiliency.md)',
        '',
      ].join('\n'),
    );
  });

  test('Docusaurus: sidebar_position; titles from the H1, front matter, else the file name (a page without headings too)', () => {
    expect(runCli(['-f', docusaurus, 'list', '--depth', '0']).stdout).toBe(
      [
        'Getting started  (docs/intro.md)',
        'faq  (docs/faq.md)',
        'Deploying to production  (docs/guides/deploy.md)',
        'Backups  (docs/guides/backup.md)',
        '',
      ].join('\n'),
    );
  });

  test("a blog's posts folder: newest first, by front-matter date (or its created) else a Jekyll file name's date", () => {
    expect(runCli(['-f', fixturePath('pages/blog'), 'list', '--depth', '0']).stdout.split('\n')).toEqual([
      'Blog  (index.md)',
      'A later post  (_posts/2023-07-09-a-later-post.md)',
      'First steps  (_posts/2021-03-01-first-steps.md)',
      'Newest  (posts/newest.md)',
      'Older  (posts/older.md)',
      'A post without a date  (posts/undated.md)',
      '',
    ]);
  });

  test('numbers follow that order', () => {
    const sections = JSON.parse(runCli(['-f', hugo, 'list', '--json']).stdout).sections.map(
      (s: { number: string; title: string }) => `${s.number} ${s.title}`,
    );
    expect(sections).toEqual(['1 Workflow overview', '2 Patterns', '3 Rotating certificates']);
  });
});

describe('show finds a page and shows it whole', () => {
  test.each(FOLDERS)('every page of %s by its unique title: its whole Markdown, from its first line after the front matter', (folder) => {
    const pages = pagesOf(folder);
    const unique = pages.filter((page) => pages.filter((other) => other.title.toLowerCase() === page.title.toLowerCase()).length === 1);
    expect(unique.length).toBeGreaterThan(2);
    for (const page of unique) {
      const [found, ...more] = showJson(folder, page.title);
      expect(more).toEqual([]);
      expect(found).toMatchObject({ file: page.file, title: page.title, level: 0, markdown: bodyOf(folder, page.file) });
      expect(readFileSync(join(folder, page.file), 'utf8').split('\n')[found.line - 2] ?? '---').toMatch(/^(---)?$/);
    }
  });

  test('by path, its tail, without .md, and an _index page by its folder', () => {
    for (const query of ['content/en/docs/concepts/error-codes.md', 'concepts/error-codes.md', 'concepts/error-codes', 'error-codes.md']) {
      expect(showJson(hugo, query).map((p) => p.file)).toEqual(['content/en/docs/concepts/error-codes.md']);
    }
    expect(showJson(hugo, 'operations/hosting/self-hosted/').map((p) => p.file)).toEqual([
      'content/en/docs/operations/hosting/self-hosted/_index.md',
    ]);
    expect(showJson(vault, 'Plugins/Daily notes.md').map((p) => p.title)).toEqual(['Daily notes']);
  });

  test('an exact page title beats a section of that title; punctuation and case do not matter', () => {
    expect(showJson(hugo, 'workflow', 'overview').map((p) => `${p.level} ${p.file}`)).toEqual([
      '0 content/en/docs/concepts/workflow-overview.md',
    ]);
    expect(showJson(hugo, 'SELF', 'HOSTED', 'MODE!').map((p) => p.title)).toEqual(['Self-hosted mode']);
  });

  test('a title with a word or a letter dropped still finds its page, before any section', () => {
    expect(showJson(hugo, 'error', 'codes').map((p) => p.title)).toEqual(['Error codes returned by APIs']);
    expect(showJson(hugo, 'worklow', 'overview').map((p) => `${p.level} ${p.title}`)).toEqual(['0 Workflow overview']);
    expect(showJson(docusaurus, 'deploying', 'production').map((p) => p.title)).toEqual(['Deploying to production']);
  });

  test('shown: a header naming page and file, the title, the intro, then the sections in order', () => {
    const { stdout, status } = show(hugo, 'workflow overview');
    expect(status).toBe(0);
    expect(stdout.split('\n').slice(0, 5)).toEqual([
      '── Workflow overview  (content/en/docs/concepts/workflow-overview.md)',
      'Workflow overview',
      '═════════════════',
      '',
      'A workflow runs activities in order.',
    ]);
    expect(stdout).toMatch(/A workflow runs activities in order\.\n\n2 {2}Patterns\n[═]+\n\nChaining/);
    // a section names its page too, also when it is the only result
    expect(show(hugo, 'patterns').stdout).toMatch(
      /^── 2 {2}Workflow overview › Patterns\s+\(content\/en\/docs\/concepts\/workflow-overview\.md:8\)\n/,
    );
  });

  test('a page without headings is a page with no sections: shown under its file name', () => {
    const { stdout } = show(docusaurus, 'faq');
    expect(stdout).toBe('── faq  (docs/faq.md)\nfaq\n═══\n\nQuestions people ask, with no heading at all.\n');
  });

  test('a front-matter title heads its page also over a level-1 heading of another title', () => {
    expect(show(hugo, 'resiliency').stdout.split('\n').slice(1, 6)).toEqual([
      'Resiliency',
      '══════════',
      '',
      'Circuit breaker',
      '═══════════════',
    ]);
    expect(show(docusaurus, 'backups').stdout.split('\n').slice(1, 4)).toEqual(['Backups', '═══════', '']);
  });

  test('the bundled notes: show prometheus is still the Prometheus talk, with no header line', () => {
    expect(runCli(['show', 'prometheus']).stdout.split('\n')[0]).toBe('7  Prometheus - Intro, Deep Dive, And Open Q+A');
  });
});

describe('--under: part of a folder, numbers and ids as without it', () => {
  test('list, show, search and check keep to the folder', () => {
    expect(runCli(['-f', hugo, 'list', '--under', 'content/en/docs/concepts/']).stdout).toMatch(
      /^Concepts {2}\(content\/en\/docs\/concepts\/_index\.md\)\n\n[\s\S]*2 {2}Patterns\n\nError codes returned by APIs {2}\(content\/en\/docs\/concepts\/error-codes\.md\)\n$/,
    );
    expect(
      runCli(['-f', hugo, 'list', '--under', './content/en/docs/operations', '--depth', '0']).stdout.split('\n').filter(Boolean),
    ).toHaveLength(3);
    expect(runCli(['-f', hugo, 'show', '--under', 'content/en/docs/operations', 'workflow overview']).status).toBe(1);
    expect(runCli(['-f', hugo, 'search', '--under', 'content/en/docs/concepts', 'certificates']).status).toBe(1);
    expect(runCli(['-f', vault, '-q', 'check', '--under', 'Plugins']).stdout).toBe('0 internal links in 2 files: all resolve\n');
  });

  test('export the part of a folder; links of a page, and the links to it from outside the folder', () => {
    const exported = runCli(['-q', '-f', vault, 'export', '--under', 'Plugins']).stdout;
    expect(exported).toContain('Daily notes opens a note for today.');
    expect(exported).not.toContain('This vault has notes');
    const [entry] = JSON.parse(runCli(['-q', '-f', vault, 'links', '--json', '--under', 'Plugins', 'daily notes']).stdout);
    expect(entry.section).toMatchObject({ title: 'Daily notes', level: 0, file: 'Plugins/Daily notes.md' });
    expect(entry.incoming).toEqual([{ id: null, file: 'Welcome.md', line: 3, text: 'Daily notes' }]);
  });

  test('narrowed to one page, the notes are still a folder: the page is found by its title and named with its file', () => {
    const page = 'content/en/docs/concepts/workflow-overview.md';
    expect(runCli(['-f', hugo, 'list', '--under', page]).stdout).toBe(`Workflow overview  (${page})\n\n2  Patterns\n`);
    const shown = runCli(['-f', hugo, 'show', '--under', page, 'workflow']);
    expect(shown.stdout.split('\n')[0]).toBe(`── Workflow overview  (${page})`);
    expect(JSON.parse(runCli(['-f', hugo, 'list', '--json', '--under', page]).stdout).title).toBeNull();
  });

  test('a query that names nothing in a folder says no page or section matches (one file: no section)', () => {
    expect(runCli(['-f', hugo, 'show', 'zqxj vwkp'])).toMatchObject({
      status: 1,
      stderr: 'kubenotes: no page or section matches "zqxj vwkp"\n',
    });
    expect(runCli(['-f', `${hugo}/content/en/docs/concepts/workflow-overview.md`, 'show', 'zqxj vwkp'])).toMatchObject({
      status: 1,
      stderr: 'kubenotes: no section matches "zqxj vwkp"\n',
    });
  });

  test('a folder with no page: exit 2, saying so', () => {
    const { stderr, status } = runCli(['-f', hugo, 'list', '--under', 'nowhere']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/nowhere: no page of the notes is under this folder/);
  });
});

describe('search hits', () => {
  test('each hit names its page; copies in tabs are one hit with a count', () => {
    const { stdout } = runCli(['-f', hugo, 'search', 'dapr init']);
    expect(stdout).toBe('Self-hosted mode  content/en/docs/operations/hosting/self-hosted/_index.md\n  10  dapr init --slim  (2 copies)\n');
    const [hit] = JSON.parse(runCli(['-f', hugo, 'search', '--json', 'rotating root']).stdout);
    expect(hit).toMatchObject({ page: 'Self-hosted mode', title: 'Rotating certificates', copies: 1 });
  });

  test('English stems: plural and verb forms find the text; exact words rank first', () => {
    expect(runCli(['-f', hugo, 'search', 'circuit breakers']).stdout).toMatch(/A circuit breaker stops calls/);
    expect(runCli(['-f', hugo, 'search', 'rotate certificates']).stdout).toMatch(/Rotating the root certificates/);
    // "workflows" itself ranks above the "workflow"s found by its stem
    const texts = JSON.parse(runCli(['-f', hugo, 'search', '--json', 'workflows']).stdout).map((h: { text: string }) => h.text);
    expect(texts[0]).toBe('Several workflows share one actor.');
    expect(texts).toContain('Actors can be called from a workflow.');
  });
});

describe('warnings once', () => {
  test('said when the file is read, not again from the cache; --quiet and the quiet setting silence them', () => {
    const env = cleanEnv();
    const first = runCli(['-f', vault, 'list', '--depth', '0'], { env });
    expect(first.stderr).toMatch(/^kubenotes: warning: Plugins\/Graph view\.md:3: front matter not read/);
    expect(runCli(['-f', vault, 'list', '--depth', '0'], { env }).stderr).toBe('');
    expect(runCli(['-f', vault, '--quiet', 'list'], { env: cleanEnv() }).stderr).toBe('');
    const xdg = scratchFolder('kubenotes-pages-config-');
    mkdirSync(join(xdg, 'kubenotes'));
    writeFileSync(join(xdg, 'kubenotes', 'config.json'), '{"quiet": true}');
    expect(runCli(['-f', vault, 'list'], { env: cleanEnv({ XDG_CONFIG_HOME: xdg }) }).stderr).toBe('');
    rmSync(xdg, { recursive: true });
  });
});
