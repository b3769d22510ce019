// The browser's preview and rows in real terminals (tmux) of three sizes, on the bundled notes and on a generated
// folder: the preview follows the cursor, rows name their file, Ctrl-P and the scroll keys work, the pager leaves
// nothing behind, a warning never lands on the picker, and the terminal's settings are as they were.
import { afterAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshCacheHome } from './helpers/cli.js';
import { writeGeneratedNotes } from './helpers/generated-notes.js';
import { repoPath } from './helpers/notes.js';
import { hasTmux, tmuxServer } from './helpers/tmux.js';
import { scratchFolder } from './helpers/scratch.js';

if (!hasTmux) console.log('skipping the browser preview tests: tmux is not installed (.ci/run installs it)');
const describeWithTmux = hasTmux ? describe : describe.skip;

jest.setTimeout(120_000);
const pane = 'preview';
const { tmux, screen, keys, type, waitFor, open } = tmuxServer(`kubenotes-preview-${process.pid}`, pane);
const scratch = scratchFolder('kubenotes-preview-');
const generated = writeGeneratedNotes(join(scratch, 'generated'), 20, 50);
const withWarning = writeGeneratedNotes(join(scratch, 'with-warning'), 2, 10);
writeFileSync(join(withWarning, 'broken.md'), '---\ntitle: [unclosed\n---\n# Broken\n\n## Part\n\ntext\n');
const cache = freshCacheHome();

const SIZES: Array<[number, number]> = [
  [80, 24],
  [120, 40],
  [200, 50],
];
const NOTES = [
  { name: 'the bundled notes', file: repoPath('notes/kubecon-na-2022.md'), query: 'helm', fileName: /-2022\.md$/ },
  { name: 'a generated folder', file: generated, query: 'redis spec', fileName: /-\d+\.md$/ },
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const header = (query: string) => new RegExp(`^\\? Section ${escape(query)}\\s*$`);
/** The outline number of the row under the cursor. */
const cursorNumber = (text: string): string | undefined => /^❯ (\d+(?:\.\d+)*) /m.exec(text)?.[1];
/** The preview's heading for a number: at the start of a line (preview below) or after the divider (beside). */
const previewHeading = (number: string) => new RegExp(`(^|│ )${escape(number)}  \\S`, 'm');
const hasPreview = (text: string, number: string) => previewHeading(number).test(text);
const firstLine = (text: string) => text.split('\n')[0];
/** The list's rows on the screen, without the preview beside them. */
const listRows = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => /^[❯ ] \d[\d.]* +\S/.test(line))
    .map((line) => line.split(/ │( |$)/)[0].trimEnd());

/** Starts the browser, the terminal's settings saved before and compared after; stderr on the screen. */
async function start(file: string, query: string, options = '', env = ''): Promise<void> {
  keys('clear', 'Enter');
  await waitFor((text) => text.trim() === '$', 'a clear screen');
  const browse = `${env} XDG_CACHE_HOME=${cache} node ${repoPath('bin/kubenotes.js')} -f ${file} ${options}`;
  type(
    `stty -g > ${scratch}/before; ${browse}; echo EXIT=$?; stty -g > ${scratch}/after; cmp -s ${scratch}/before ${scratch}/after; echo STTY=$?`,
  ); // 0: the same settings
  keys('Enter');
  await waitFor(/^\? Section/m, 'the picker');
  type(query);
  await waitFor((text) => header(query).test(firstLine(text)) && cursorNumber(text) !== undefined, `the rows for "${query}"`);
}

async function quit(): Promise<string> {
  keys('Escape');
  const text = await waitFor(/^STTY=\d+$/m, 'the browser gone and the terminal compared');
  expect(text).toMatch(/^EXIT=0$/m);
  expect(text).toMatch(/^STTY=0$/m);
  expect(text).not.toMatch(/^\? Section/m); // the alternate screen is gone: the shell's screen is as it was
  return text;
}

describeWithTmux.each(SIZES)('the browser at %i×%i', (columns, rows) => {
  beforeEach(() => open(columns, rows));
  afterAll(() => void tmux('kill-server'));

  test.each(NOTES)(
    'on $name: the preview follows the cursor, rows name their file, Ctrl-P toggles it',
    async ({ file, query, fileName }) => {
      await start(file, query);
      // the rows are read once they name their file: a screen read while the list is still being painted cuts one
      let text = await waitFor(
        (shown) => hasPreview(shown, cursorNumber(shown)!) && listRows(shown).every((row) => fileName.test(row)),
        'the preview of the highlighted section, and rows that name their file',
      );
      const first = cursorNumber(text)!;
      const rows = listRows(text);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(row).toMatch(fileName);
      expect(text.split('\n').every((line) => [...line].length < columns)).toBe(true);

      keys('Down');
      text = await waitFor(
        (shown) => cursorNumber(shown) !== first && hasPreview(shown, cursorNumber(shown)!),
        'the preview of the next row',
      );
      const second = cursorNumber(text)!;
      expect(hasPreview(text, first)).toBe(false);

      keys('C-p');
      text = await waitFor((shown) => !hasPreview(shown, second), 'the list without its preview');
      expect(text).not.toMatch(/ │ |^─{10,}/m);
      keys('C-p');
      await waitFor((shown) => hasPreview(shown, second), 'the preview back');
      await quit();
    },
  );

  test('the scroll keys move the preview, not the list', async () => {
    await start(repoPath('notes/kubecon-na-2022.md'), '7');
    await waitFor(previewHeading('7'), 'the Prometheus talk previewed');
    keys('S-Down', 'S-Down', 'S-Down');
    let text = await waitFor((shown) => !previewHeading('7').test(shown), 'the preview scrolled past its heading');
    expect(cursorNumber(text)).toBe('7');
    keys('S-Up', 'S-Up', 'S-Up');
    await waitFor(previewHeading('7'), 'the preview scrolled back to its heading');
    keys('S-NPage');
    text = await waitFor((shown) => !previewHeading('7').test(shown), 'the preview a page down');
    expect(cursorNumber(text)).toBe('7');
    await quit();
  });

  test('after the pager, and after a short section, only the picker is on the screen', async () => {
    await start(repoPath('notes/kubecon-na-2022.md'), '7');
    keys('Enter'); // taller than the screen: less
    await waitFor((text) => /^:\s*$/m.test(text) && !/^\? Section/m.test(text), 'the pager');
    keys('q');
    // the whole frame, down to its keys line: a frame half drawn is no evidence either way
    let text = await waitFor((shown) => header('7').test(firstLine(shown)) && /^↑↓ move/m.test(shown), 'the picker again');
    expect(text).not.toMatch(/^:\s*$/m);
    const lines = text.split('\n');
    expect(
      lines
        .slice(lines.findIndex((line) => /^↑↓ move/.test(line)) + 1)
        .join('')
        .trim(),
    ).toBe(''); // nothing under the keys

    keys('C-u');
    type('6.5');
    await waitFor((shown) => header('6.5').test(firstLine(shown)) && cursorNumber(shown) === '6.5', 'the short section');
    keys('Enter');
    await waitFor(/any key: back to the list/, 'the section printed');
    keys('Enter');
    text = await waitFor((shown) => header('6.5').test(firstLine(shown)), 'the picker again');
    expect(text).not.toContain('any key: back to the list');
    await quit();
  });
});

describeWithTmux('--no-preview and the configuration', () => {
  beforeEach(() => open(120, 40));
  afterAll(() => void tmux('kill-server'));

  test('plain kubenotes --no-preview opens the list alone; Ctrl-P shows the preview', async () => {
    await start(repoPath('notes/kubecon-na-2022.md'), '6.5', '--no-preview');
    expect(hasPreview(screen(), '6.5')).toBe(false);
    keys('C-p');
    await waitFor(previewHeading('6.5'), 'the preview');
    await quit();
  });

  test('"preview": false in the configuration file, and --preview over it', async () => {
    const config = join(scratch, 'config');
    mkdirSync(join(config, 'kubenotes'), { recursive: true });
    writeFileSync(join(config, 'kubenotes', 'config.json'), '{"preview": false}');
    await start(repoPath('notes/kubecon-na-2022.md'), '6.5', '', `XDG_CONFIG_HOME=${config}`);
    expect(hasPreview(screen(), '6.5')).toBe(false);
    await quit();
    await start(repoPath('notes/kubecon-na-2022.md'), '6.5', '--preview', `XDG_CONFIG_HOME=${config}`);
    await waitFor(previewHeading('6.5'), 'the preview, as --preview asks');
    await quit();
  });
});

describeWithTmux('warnings about the notes', () => {
  beforeEach(() => open(120, 40));
  afterAll(() => void tmux('kill-server'));

  test('are said on the status line while browsing, and are on the screen after it', async () => {
    await start(withWarning, 'part');
    // a frame reaches tmux in pieces: the status line may come after the rows
    const text = await waitFor(/1 warning about the notes: shown when you quit/, 'the note on the status line');
    expect(firstLine(text)).toMatch(header('part'));
    expect(text).not.toMatch(/kubenotes: warning/);
    const after = await quit();
    expect(after).toMatch(/^kubenotes: warning: broken\.md:3: front matter not read/m);
  });
});
