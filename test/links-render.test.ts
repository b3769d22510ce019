// Links as `show` and the HTML export render them, resolved by the one core module: every internal form names its
// target's number and title (or leads to its id on the page), a broken one says so, a URL stays a URL.
import { describe, expect, test } from '@jest/globals';
import { buildCollection } from '../src/core/notes/collection.js';
import { resolveQuery } from '../src/core/query/resolve.js';
import { renderHtmlPage } from '../src/render/html/page.js';
import { createStyle } from '../src/render/style.js';
import { renderSections } from '../src/render/terminal/sections.js';
import { fixturePath, folderCollection } from './helpers/notes.js';

const notes = await folderCollection(fixturePath('links'));
const show = (query: string, width = 200): Promise<string> =>
  renderSections(resolveQuery(notes, query), notes, { style: createStyle(0), width });
const bullets = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('  •'))
    .map((line) => line.slice(4));

describe('show', () => {
  test('a link to a section names its number (and its title when the text is not it); to a whole file, the file and its title', async () => {
    expect(bullets(await show('contents'))).toEqual([
      'Setup (→ guide/setup.md)',
      'Install with Helm (→ 7)',
      'The second demo (→ 9 Demo)',
      'Launch (→ 11 🚀 Launch day)',
      "Q&A (→ 10 Q&A: what's next?)",
      'Café (→ 12 Café notes)',
      'Nested (→ guide/deep/nested.md nested)',
      'Errors (→ 13)',
      'Back to the top (→ README.md Link fixtures)',
      'This list (→ 1 Contents)',
    ]);
  });

  test('a wiki link is its alias or target, then where it leads', async () => {
    expect(bullets(await show('wiki links'))).toEqual([
      'Setup (→ guide/setup.md) by file name, API reference (→ reference/api.md) by title, guide/setup#Install with Helm (→ 7 Install with Helm) by path and heading',
      'the errors (→ 13 Errors) with an alias, #Contents (→ 1 Contents) in this file, Setup (→ guide/setup.md) embedded',
    ]);
  });

  test('a broken link is marked broken, with why', async () => {
    expect(bullets(await show('broken links'))).toEqual([
      'Missing file (broken link: no file guide/setpu.md in the notes)',
      'Missing anchor (broken link: no heading #install-with-helmm in guide/setup.md)',
      'Missing here (broken link: no heading #broken-link in broken.md)',
      'Bad escape (broken link: no heading #%E0%A4%A in broken.md)',
      'Runbook (broken link: matches 2 files: teams/alpha/runbook.md, teams/beta/runbook.md) matches two files',
      'Setup#Uninstall (broken link: no heading "Uninstall" in guide/setup.md) has no such heading',
      'Nowhere (broken link: no file or title "Nowhere" in the notes) names nothing',
    ]);
  });

  test('URLs, images, site paths and other schemes are shown as they are', async () => {
    expect(bullets(await show('elsewhere'))).toEqual([
      'https://example.com/docs, https://example.org and mail (mailto:team@example.com)',
      'The logo (images/logo.png), a site page (/about/), FTP (ftp://example.com/file)',
    ]);
  });

  test('a wiki link in code is code', async () => {
    expect(await show('install with helm')).toContain('Type [[Not a wiki link]] and [code](missing.md) literally.');
  });

  test('a broken link is red at a colour terminal', async () => {
    const coloured = await renderSections(resolveQuery(notes, 'broken links'), notes, { style: createStyle(1), width: 200 });
    expect(coloured).toContain('\u001b[31m(broken link: no file guide/setpu.md in the notes)\u001b[39m');
  });
});

/** Each link of the page's text (not its table of contents) as `text → href`. */
const pageLinks = (html: string): string[] =>
  [...html.slice(Math.max(0, html.indexOf('<main>'))).matchAll(/<a href="([^"]*)"[^>]*>(.*?)<\/a>/g)].map((m) => `${m[2]} → ${m[1]}`);
const article = (html: string, id: string): string => html.slice(html.indexOf(`id="${id}"`)).split('</article>')[0];

describe('HTML export of several files', () => {
  const page = renderHtmlPage(notes);

  test('cross-file links, ../ paths and wiki links lead to the ids on the page; a link to a whole file to its first heading', () => {
    expect(pageLinks(article(page, 'link-fixtures')).slice(0, 16)).toEqual([
      'Setup → #requirements',
      'Install with Helm → #install-with-helm',
      'The second demo → #demo-1',
      'Launch → #-launch-day',
      'Q&amp;A → #qa-whats-next',
      'Café → #café-notes',
      'Nested → #nested',
      'Errors → #errors',
      'Back to the top → #link-fixtures',
      'This list → #contents',
      'Setup → #requirements',
      'API reference → #demo',
      'guide/setup#Install with Helm → #install-with-helm',
      'the errors → #errors',
      '#Contents → #contents',
      'Setup → #requirements',
    ]);
    expect(pageLinks(article(page, 'nested'))).toEqual([
      'the requirements → #requirements',
      'wiki links → #wiki-links',
      'API reference#Demo → #demo',
      'legacy errors → #errors',
    ]);
  });

  test('external URLs and paths beside the page are left as they are', () => {
    expect(pageLinks(article(page, 'elsewhere'))).toEqual([
      'https://example.com/docs → https://example.com/docs',
      'https://example.org → https://example.org',
      'mail → mailto:team@example.com',
      'The logo → images/logo.png',
      'a site page → /about/',
    ]);
  });

  test('a heading id taken by an earlier file gets a suffix, and links lead to the right one', () => {
    const runbooks = buildCollection([
      { file: 'a.md', bytes: Buffer.from('## On call\n\nSee [b](b.md#on-call) and [mine](#on-call).\n') },
      { file: 'b.md', bytes: Buffer.from('## On call\n\nSee [[a#On call]].\n') },
    ]);
    expect(pageLinks(renderHtmlPage(runbooks))).toEqual(['b → #on-call-1', 'mine → #on-call', 'a#On call → #on-call']);
  });
});

describe('HTML export of sections', () => {
  test('a link whose target is not on the page: a # link and a wiki link are their text, a file link keeps its path', () => {
    const page = renderHtmlPage(notes, resolveQuery(notes, 'requirements'));
    expect(pageLinks(page)).toEqual(['API → ../reference/api.md', 'its errors → ../reference/api.md#errors']);
    const errors = renderHtmlPage(notes, resolveQuery(notes, 'errors'));
    expect(pageLinks(errors)).toEqual([]);
    expect(errors).toContain('See the first demo, #Demo again, and <strong>the second</strong>.');
  });

  test('a cross-file link to a section that is on the page leads to it', () => {
    const page = renderHtmlPage(notes, [...resolveQuery(notes, 'requirements'), ...resolveQuery(notes, 'errors')]);
    expect(pageLinks(page)).toContain('its errors → #errors');
  });

  test('template output is literal text on the page; a Hugo ref is a link', () => {
    const page = renderHtmlPage(
      buildCollection([{ file: 'a.md', bytes: Buffer.from('## A\n\nPort {{ .Values.port }} and {{< ref "b.md" >}}.\n') }]),
    );
    expect(page).toContain('Port <span class="template">{{ .Values.port }}</span> and b.md.'); // b.md is not among the notes: its name alone, no link
  });
});
