// The browser as a reader uses it, in a real 80×24 terminal (tmux): pick by title, read, come back with the query
// kept, page a long section with less, search the text, and leave with Esc, Ctrl-C or Ctrl-D from any state.
import { afterAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasTmux, tmuxServer } from './helpers/tmux.js';
import { repoPath } from './helpers/notes.js';
import { scratchFolder } from './helpers/scratch.js';

if (!hasTmux) console.log('skipping the browser tests: tmux is not installed (.ci/run installs it)');
const describeWithTmux = hasTmux ? describe : describe.skip;

jest.setTimeout(90_000);
const pane = 'browse';
const { tmux, screen, keys, type, waitFor, open } = tmuxServer(`kubenotes-browse-${process.pid}`, pane);
const scratch = scratchFolder('kubenotes-browse-');
const stderrFile = join(scratch, 'stderr');
const STACK_TRACE = /^\s+at .+[:(]\d+/m;

/** The prompt's header: the list it is and the query typed. */
const header = (list: 'Section' | 'Search', query = '') => new RegExp(`^\\? ${list}${query ? ` ${query}` : ''}\\s*$`, 'm');
/** The keys that leave the browser, by name and as tmux sends them. */
const QUIT_KEYS = [
  ['Esc', 'Escape'],
  ['Ctrl-C', 'C-c'],
  ['Ctrl-D', 'C-d'],
];
const exited = (text: string) => /^EXIT=\d+$/m.test(text);

/** Starts the browser at the shell's prompt, on a clean screen, stderr kept apart. */
async function start(args = ''): Promise<void> {
  keys('clear', 'Enter');
  await waitFor((text) => text.trim() === '$', 'a clear screen');
  type(`node ${repoPath('bin/kubenotes.js')} ${args} 2>${stderrFile}; echo EXIT=$?`);
  keys('Enter');
  await waitFor(header(args.includes('--search') ? 'Search' : 'Section'), 'the picker');
}

/** Waits for the browser to end; returns its exit status. The terminal must be the shell's again, and quiet. */
async function exitStatus(): Promise<number> {
  const text = await waitFor(exited, 'the exit status');
  expect(text).not.toMatch(/force closed|Error|unexpected/);
  expect(text).not.toMatch(STACK_TRACE);
  expect(readFileSync(stderrFile, 'utf8')).toBe('');
  return Number(/^EXIT=(\d+)$/m.exec(text)![1]);
}

describeWithTmux('kubenotes browse in an 80×24 terminal', () => {
  // a new terminal for every test, so one that fails leaves nothing behind for the next
  beforeEach(() => {
    open(80, 24);
  });
  afterAll(() => {
    tmux('kill-server');
  });

  test('title, section, back with the query kept, a long section in the pager, content search, a hit, quit', async () => {
    await start(); // plain `kubenotes`, at a terminal, is the browser
    type('helm chart');
    await waitFor(
      /^❯ 6\.5 +Learn About Helm and its Ecosy… › Chart Storage .*kubecon-na-2022\.md$/m,
      'the section by its title, and its file',
    );

    keys('Enter'); // a short section: printed, with the way back under it
    let text = await waitFor(/any key: back to the list/, 'the section');
    expect(text).toMatch(/^6\.5  Chart Storage$/m);
    expect(text).toContain('Push charts to container registries');
    expect(text).not.toMatch(header('Section'));

    keys('Enter');
    await waitFor(header('Section', 'helm chart'), 'the picker, with the query kept');

    keys('C-u');
    type('prometheus');
    await waitFor(/^❯ 7 +Prometheus - Intro, Deep Dive, And Open Q\+A/m, 'the Prometheus talk first');
    keys('Enter'); // taller than the screen: less
    text = await waitFor(/^:\s*$/m, 'the pager');
    expect(text).toMatch(/^7  Prometheus - Intro, Deep Dive, And Open Q\+A$/m);
    expect(text).not.toMatch(header('Section'));

    keys('q');
    await waitFor(header('Section', 'prometheus'), 'the picker after the pager, with the query kept');

    keys('Tab'); // content search, the same query
    await waitFor(header('Search', 'prometheus'), 'the content search');
    keys('C-u');
    type('oci registries');
    // the hit's text keeps most of the line; its talk is cut before its label
    await waitFor(/^❯ Push charts to container registries \(Any OCI…  Learn About H… › Chart Storage$/m, 'the hit');

    keys('Enter');
    await waitFor(/any key: back to the list/, 'the hit’s section');
    const marked = screen(true)
      .split('\n')
      .find((line) => line.includes('container'))!;
    // the words the search matched are marked in the section (bold, in colour), the rest of the line is not
    expect(marked).toMatch(/\u001b\[1m(\u001b\[\d+m)*registries\u001b\[/);
    expect(marked).toMatch(/\u001b\[1m(\u001b\[\d+m)*OCI\u001b\[/);
    expect(
      screen(true)
        .split('\n')
        .find((line) => line.includes('Harbor')),
    ).not.toContain('\u001b[1m');

    keys('Enter');
    await waitFor(header('Search', 'oci registries'), 'the content search, with the query kept');
    keys('Escape');
    expect(await exitStatus()).toBe(0);
  });

  test.each(QUIT_KEYS)('%s leaves the picker, with a query typed or not', async (_name, key) => {
    await start('browse --search');
    type('helm');
    await waitFor(/^❯ /m, 'the hits');
    keys(key);
    expect(await exitStatus()).toBe(0);
  });

  test.each(QUIT_KEYS)('%s leaves from under a section', async (_name, key) => {
    await start('browse');
    type('chart storage');
    await waitFor(/^❯ 6\.5 /m, 'the section');
    keys('Enter');
    await waitFor(/any key: back to the list/, 'the section');
    keys(key);
    expect(await exitStatus()).toBe(0);
  });

  test('Ctrl-C in the pager ends the browser once the pager closes (less stays open on it)', async () => {
    await start('browse');
    type('prometheus');
    await waitFor(/^❯ 7 /m, 'the talk');
    keys('Enter');
    await waitFor(/^:\s*$/m, 'the pager');
    keys('C-c');
    keys('q');
    expect(await exitStatus()).toBe(0);
  });

  test('a resize redraws the picker at the new width, long titles cut with an ellipsis', async () => {
    await start('browse');
    type('helm');
    await waitFor(/^❯ 6 +Learn About Helm and its Ecosystem  .*kubecon-na-2022\.md$/m, 'the Helm talk with its file');
    tmux('resize-window', '-t', pane, '-x', '50', '-y', '20');
    const text = await waitFor(
      (shown) => header('Section', 'helm').test(shown) && /^ {2}6\.1 +Learn About.*…/m.test(shown),
      'the picker redrawn for 50 columns',
    );
    const lines = text.split('\n');
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(50);
    expect(lines.filter((line) => line.includes('…')).length).toBeGreaterThan(3);
    expect(text).toMatch(/↑↓ move/); // the whole prompt fits on the smaller screen
    keys('Escape');
    expect(await exitStatus()).toBe(0);
  });

  test('plain kubenotes with its input not a terminal prints the help, without waiting for that input', async () => {
    keys('clear', 'Enter');
    await waitFor((text) => text.trim() === '$', 'a clear screen');
    // the pipe stays open for a minute: the help must come, and the status, long before it closes
    type(`sleep 60 | { node ${repoPath('bin/kubenotes.js')} 2>${stderrFile}; echo EXIT=$?; }`);
    keys('Enter');
    const text = await waitFor(exited, 'the help and the exit status');
    expect(text).toMatch(/^EXIT=0$/m);
    expect(tmux('capture-pane', '-t', pane, '-p', '-S', '-100')).toMatch(/^Usage: kubenotes/m); // scrolled up: the help is long
    keys('C-c');
  });

  test('--tag: only the notes with the tag are offered', async () => {
    // no preview: Home's text names the untagged notes
    await start(`-f ${repoPath('test/fixtures/dialects/obsidian')} browse --tag guide --no-preview`);
    const text = await waitFor(/^ +Roles +Roles · Teams\/Roles\.md$/m, 'the tagged page');
    expect(text).toMatch(/^❯ +Home +Home · Home\.md$/m);
    // untagged notes are not offered
    expect(text).not.toMatch(/Settings|Loop|Security and privacy/);
    keys('Escape');
    expect(await exitStatus()).toBe(0);
  });

  test('a folder: pages are offered before their sections; a warning waits until the browser is left', async () => {
    keys('clear', 'Enter');
    await waitFor((text) => text.trim() === '$', 'a clear screen');
    // stderr on the terminal itself: the warning about Graph view's front matter must not draw over the picker
    type(`node ${repoPath('bin/kubenotes.js')} -f ${repoPath('test/fixtures/pages/vault')}; echo EXIT=$?`);
    keys('Enter');
    // each row names its page and file after its title
    let text = await waitFor(/^❯ +Daily notes +Daily notes · Plugins\/Daily notes\.md$/m, 'the picker, its first page first');
    expect(text).toMatch(header('Section'));
    expect(text).not.toMatch(/kubenotes: warning/);
    type('welcome');
    await waitFor(/^❯ +Welcome +Welcome · Welcome\.md$/m, 'the page by its title');
    keys('Enter');
    text = await waitFor(/any key: back to the list/, 'the page');
    expect(text).toContain('This vault has notes without titles of their own.');
    expect(text).not.toMatch(/kubenotes: warning/);
    keys('Escape');
    text = await waitFor(exited, 'the exit status');
    expect(text).toMatch(/kubenotes: warning: Plugins\/Graph view\.md:3: front matter not read/);
    expect(text).toMatch(/^EXIT=0$/m);
  });
});
