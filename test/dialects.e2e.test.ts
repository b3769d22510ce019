// Site dialects through the built CLI, on fixture folders in each site's shape (test/fixtures/dialects/): Hugo
// (refs, site-root URLs, aliases, alerts, tabs), an Obsidian vault (callouts, embeds, block ids, same-named notes,
// aliases, tags), Docusaurus and MkDocs admonitions, GitHub alerts. What the site shows is shown; nothing of the
// dialect's markup leaks; `--raw` is the source; `check` reports exactly the links broken on purpose.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { fixturePath } from './helpers/notes.js';

const folder = (name: string): string => fixturePath(`dialects/${name}`);
const run = (name: string, ...args: string[]) => runCli(['--no-color', '-f', folder(name), ...args]);
/** Each fixture, a word its text holds to search for, and a section to show. */
const DIALECTS = [
  ['hugo', 'widget', 'quickstart.md#run-the-widget'],
  ['obsidian', 'keys', 'embedded'],
  ['docusaurus', 'widget', 'getting-started'],
  ['mkdocs', 'widgets', 'install-guide'],
  ['github', 'information', 'usage'],
];
/** What no reader's output may hold: shortcode delimiters, callout markers, embeds as written, links emptied. */
const LEAKS = ['{{<', '{{%', '>}}', '%}}', '[!', '![[', ']()', ':::', '!!!', '???'];

describe.each(DIALECTS)('the %s fixture', (name, word, section) => {
  const outputs = (): Record<string, string> => ({
    txt: run(name, 'export', '--format', 'txt').stdout,
    html: run(name, 'export', '--format', 'html').stdout,
    json: JSON.parse(run(name, 'export', '--format', 'json').stdout)
      .sections.map((s: { text: string }) => s.text)
      .join('\n'),
    search: run(name, 'search', word).stdout,
    show: run(name, 'show', section).stdout,
  });

  test('no output of show, search or export (txt, HTML, JSON text) holds the dialect’s markup', () => {
    for (const [format, output] of Object.entries(outputs())) {
      expect(output.length).toBeGreaterThan(0);
      for (const leak of LEAKS) expect(`${format}: ${output.includes(leak) ? leak : 'clean'}`).toBe(`${format}: clean`);
    }
  });
});

describe('Hugo', () => {
  test('ref, relref and site-root links resolve as Hugo resolves them; check reports only the three broken on purpose', () => {
    const { stdout, stderr, status } = run('hugo', 'check');
    expect(stdout.trim().split('\n')).toEqual([
      'content/en/docs/start/quickstart.md:29: [gone](ref "missing-page"): no page "missing-page" in the site',
      'content/en/docs/start/quickstart.md:29: [no anchor](ref "install#nowhere"): no heading #nowhere in content/en/docs/start/install.md',
      'content/en/docs/start/quickstart.md:29: [no page](/docs/nowhere/): no page at /docs/nowhere/ in the site',
    ]);
    expect(stderr).toContain('3 broken (of 15 internal links in 5 files)');
    expect(status).toBe(1);
  });

  test('links follows refs, site-root URLs (with or without a slash or .md), slugs and aliases', () => {
    const naming = run('hugo', 'links', 'naming.md#rules').stdout;
    expect(naming).toContain('content/en/docs/_index.md:12  1  Overview: named'); // relref "practices/naming.md#rules"
    expect(naming).toContain('content/en/docs/start/install.md:9  3  Requirements: rules'); // /docs/practices/naming.md#rules
    const install = run('hugo', 'links', 'install.md#reqs').stdout;
    expect(install).toContain('quickstart.md:11'); // ref "install.md#reqs" in the Python tab
    expect(install).toContain('quickstart.md:17'); // ref "install#reqs" in the Go tab
    const next = run('hugo', 'show', 'quickstart.md#next').stdout;
    expect(next).toContain('old setup page (→ content/en/docs/start/install.md Install)'); // an alias
    expect(next).toContain('installing page (→ content/en/docs/start/install.md Install)'); // the slug
  });

  test('alerts are callouts, tabs are labelled and name their sections, other shortcodes are unwrapped or dropped', () => {
    const overview = run('hugo', 'show', '_index.md#overview').stdout;
    expect(overview).toContain('│ Warning: Before you begin\n│ Install the widget CLI (→ content/en/docs/start/install.md Install) first.');
    expect(overview).toContain('│ Note\n│ Widgets are named (→ 2 Rules) by their owners.');
    const quickstart = run('hugo', 'show', 'quickstart.md#run-the-widget').stdout;
    expect(quickstart).toMatch(/▸ Python\n\n5\.1 {2}Step 1: Prepare[\s\S]*▸ Go\n\n5\.2 {2}Step 1: Prepare/);
    const paths = JSON.parse(run('hugo', 'list', '--json').stdout).sections.map((s: { path: string[] }) => s.path.join(' › '));
    expect(paths).toEqual(
      expect.arrayContaining(['Run the widget › Python › Step 1: Prepare', 'Run the widget › Go › Step 1: Prepare', 'Next']),
    );
    expect(run('hugo', 'show', 'quickstart.md#next').stdout).toContain('Read the old setup page');
    expect(run('hugo', 'show', 'install.md#reqs').stdout).toContain('    # not a heading'); // highlight is code
  });

  test('--raw prints the source as written', () => {
    const raw = run('hugo', 'show', '--raw', 'quickstart.md#run-the-widget').stdout;
    const source = readFileSync(join(folder('hugo'), 'content/en/docs/start/quickstart.md'), 'utf8');
    expect(source).toContain(raw.trimEnd());
    expect(raw).toContain('{{< tabs "Python" "Go" >}}');
  });

  test('a ref in an HTML attribute leaves nothing of the shortcode behind', () => {
    const card = run('hugo', 'show', 'quickstart.md#next').stdout;
    expect(card).toContain('Install card');
    expect(card).not.toContain('stretched-link');
    expect(run('hugo', 'export', '--format', 'html').stdout).toContain('<a href="#reqs">Install card</a>');
  });
});

describe('Obsidian', () => {
  test('check: a note and a block that do not exist, and a name two folders hold at the same distance; nothing else', () => {
    const { stdout, stderr } = run('obsidian', 'check');
    expect(stdout.trim().split('\n')).toEqual([
      'Home.md:10: [[Security and privacy]]: matches 2 files: Sync/Security and privacy.md, Teams/Security and privacy.md; did you mean [[Sync/Security and privacy]] or [[Teams/Security and privacy]]?',
      'Home.md:25: [[No such note]]: no file or title "No such note" in the notes',
      'Home.md:25: [[Teams/Roles#^missing-block]]: no block ^missing-block in Teams/Roles.md',
    ]);
    expect(stderr).toContain('3 broken (of 11 internal links in 6 files)');
  });

  test('[[Name]] of two same-named notes leads to the one in the linking note’s folder; [[Alias]] to its note', () => {
    const vault = run('obsidian', 'export', '--format', 'txt').stdout;
    expect(vault).toContain('See Security and privacy#Keys (→ 2 Keys) for how keys are kept.'); // Sync's, from Sync/Settings.md
    expect(vault).toContain('Read Security and privacy#Keys (→ 5 Keys) before you start.'); // Teams's, from Teams/Roles.md
    expect(vault).toContain('Members see Start here (→ Home.md Home)');
  });

  test('callouts (foldable too) are callouts; embeds are shown in place, a block by its id, an image as a reference, a cycle once', () => {
    const home = run('obsidian', 'export', '--format', 'txt').stdout;
    expect(home).toContain('│ Note: Read this first\n│ Notes link with settings (→ Sync/Settings.md Settings)');
    expect(home).toContain('│ Warning: Folded by default\n│ Hidden until opened.');
    expect(home).toContain('↳ Roles › Owners\n  Owners\n  ══════\n\n  Owners approve changes.\n');
    expect(home).toContain('↳ Roles › ^owner-rule\n  Owners approve changes.\n');
    expect(home).toContain('[image] diagram.png');
    expect(home).toContain('  ↳ Loop (embedded in itself: not shown again)');
    expect(home).not.toContain('^owner-rule\n\nRead'); // the id is hidden where it is written
  });

  test('show note#^id shows the block; links count block references and embeds', () => {
    // in a folder every result names its page and file
    expect(run('obsidian', 'show', 'Roles#^owner-rule').stdout).toBe(
      '── Roles › Owners › ^owner-rule (Teams/Roles.md:8)\nOwners approve changes.\n',
    );
    expect(JSON.parse(run('obsidian', 'show', '--json', 'Teams/Roles.md#^owner-rule').stdout)[0]).toMatchObject({
      path: ['Owners', '^owner-rule'],
      line: 8,
    });
    const owners = run('obsidian', 'links', 'Roles.md#owners').stdout;
    expect(owners).toContain('Home.md:17'); // ![[Teams/Roles#Owners]]
    expect(owners).toContain('Home.md:19'); // ![[Teams/Roles#^owner-rule]]
  });

  test('tags: front matter and inline #tags with counts; --tag picks the notes for list, search, show and export', () => {
    expect(run('obsidian', 'tags').stdout).toBe('2  #guide\n1  #caution\n1  #getting-started\n1  #start\n1  #sync\n1  #team\n');
    expect(run('obsidian', '--tag', 'guide', 'list').stdout).toBe(
      'Home  (Home.md)\n\n1  Embedded\n\nRoles  (Teams/Roles.md)\n\n3  Owners\n4  Members\n',
    );
    expect(run('obsidian', '--tag', 'sync', 'search', 'keys').stdout).toBe(
      'Settings  Sync/Settings.md\n  3  See [[Security and privacy#Keys]] for how keys are kept. #sync\n',
    ); // one note of the vault, named as in the vault
    expect(run('obsidian', '--tag', 'team', 'show', 'members').stdout).toContain('Members see Start here (→ Home.md Home)'); // a link out of the tag still leads
    expect(run('obsidian', '--tag', 'team', 'export', '--format', 'txt').stdout).not.toContain('Embedded');
    const none = run('obsidian', '--tag', 'nope', 'list');
    expect([none.stderr, none.status]).toEqual(['kubenotes: no notes tagged #nope\n', 1]);
  });
});

describe('Docusaurus, MkDocs and GitHub', () => {
  test('Docusaurus :::type Title blocks, nested too, are callouts', () => {
    expect(run('docusaurus', 'show', 'getting-started').stdout).toContain(
      '│ Warning\n│ Outer warning.\n│\n│ │ Danger: Nested\n│ │ Inner danger.',
    );
  });

  test('MkDocs !!!, ??? and === blocks are callouts; { #id } names a heading; MkDocs slugs and anchors resolve; check reports the one broken', () => {
    const index = run('mkdocs', 'show', 'install-guide').stdout;
    expect(index).toContain('│ Note: Read first\n│ Widgets need a host. See the install guide (→ 1 Install).\n│\n│ A second paragraph.');
    expect(index).toContain('│ Warning: Open fold');
    expect(run('mkdocs', 'check').stdout.trim()).toBe(
      'docs/index.md:18: [nothing](#no-such-heading): no heading #no-such-heading in docs/index.md',
    );
    // content tabs are labelled boxes, and their ids, footnotes' and attribute lists' are anchors
    expect(run('mkdocs', 'show', 'tabs').stdout).toContain('│ Tab: Linux\n│ Use apt.\n\n│ Tab: ... or macOS\n│ Use brew.');
  });

  test('GitHub alerts are callouts; a plain quote stays a quote', () => {
    const readme = run('github', 'export', '--format', 'txt').stdout;
    expect(readme).toContain('│ Note\n│ Useful information that users should know.');
    expect(readme).toContain('│ Tip\n│ Helpful advice.');
    expect(readme).toContain('│ Just a quote.');
  });

  test('the HTML export draws callouts as boxes of their kind', () => {
    const html = run('github', 'export', '--format', 'html').stdout;
    expect(html).toContain('<div class="callout callout-warning"><p class="callout-title">Warning</p>');
  });
});
