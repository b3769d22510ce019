// The export page: standalone, anchors that match list --json and all resolve, a table of contents, code and diagrams.
import { describe, expect, test } from '@jest/globals';
import { buildCollection } from '../src/core/notes/collection.js';
import { resolveQuery } from '../src/core/query/resolve.js';
import { renderHtmlPage } from '../src/render/html/page.js';
import { bundledCollection, collectionOf, fixturePath, folderCollection } from './helpers/notes.js';

const collection = bundledCollection();
const page = renderHtmlPage(collection);
const collectionFrom = (files: Record<string, string>) =>
  buildCollection(Object.entries(files).map(([file, text]) => ({ file, bytes: Buffer.from(text) })));

/** Every value of an attribute in the page (the sanitiser writes attributes double-quoted). */
const attributeValues = (html: string, name: string): string[] =>
  [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
const decodeAttribute = (value: string): string =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const ids = (html: string): string[] => attributeValues(html, 'id').map(decodeAttribute);
const anchorTargets = (html: string): string[] =>
  attributeValues(html, 'href')
    .filter((href) => href.startsWith('#'))
    .map((href) => decodeURIComponent(decodeAttribute(href).slice(1)));

describe('the bundled notes as a page', () => {
  test('is one standalone document: no script, no external reference, its own styles for light and dark', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<iframe|\bsrc="(https?:)?\/\//i);
    // nothing the browser would fetch: no source but embedded or beside the page, no url() or @import in the styles
    expect(attributeValues(page, 'src').filter((src) => !/^data:image\//.test(src) && /^([a-z]+:|\/)/i.test(src))).toEqual([]);
    expect(page).not.toMatch(/url\(|@import/);
    expect(page).toContain('@media (prefers-color-scheme: dark)');
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  test('every section heading carries the id list --json gives it, and ids are unique', () => {
    const onPage = ids(page);
    expect(new Set(onPage).size).toBe(onPage.length);
    for (const section of collection.sections) expect(page).toContain(`id="${section.id}"`);
    expect(onPage).toEqual(['session-notes-and-thoughts', ...collection.sections.map((s) => s.id)]);
  });

  test('every href="#…" resolves to an element id: the contents, and the notes\' own Contents links', () => {
    const targets = anchorTargets(page);
    expect(targets.length).toBeGreaterThan(collection.sections.length); // the table of contents plus the notes' own
    const onPage = new Set(ids(page));
    expect(targets.filter((target) => !onPage.has(target))).toEqual([]);
    expect(page).toContain('<a href="#prometheus---intro-deep-dive-and-open-qa">Prometheus - Intro, Deep Dive, And Open Q+A</a>');
  });

  test('a table of contents of the outline, nested, each entry with its number', () => {
    const nav = page.slice(page.indexOf('<nav'), page.indexOf('</nav>'));
    const outline = collection.sections.filter((s) => s.number !== null);
    expect(anchorTargets(nav)).toEqual(outline.map((s) => s.id));
    expect(nav).toContain('<a href="#alert"><span class="number">7.6</span>Alert</a>');
    expect(nav).not.toContain('href="#contents"');
  });

  test('talks are h2 with their numbers; Mermaid diagrams drawn as text; images kept as <img> with alt text', () => {
    expect(page).toContain(
      '<h2 id="learn-about-helm-and-its-ecosystem"><span class="number">6</span> Learn About Helm and its Ecosystem</h2>',
    );
    expect(page.match(/<pre class="diagram">/g)).toHaveLength(5);
    expect(page).toMatch(/<pre class="diagram">┌─+┐ +┌─+┐\n│ Your application │◄/);
    expect(page).toContain('<img alt="cello-workflow.png" title="not embedded: /assets/images/cello-workflow.png" />');
    expect(page).not.toContain('```');
    expect(page).not.toContain('<!--');
  });
});

describe('parts of the notes', () => {
  test('a section: its headings and its links within it; a link to a heading not on the page is only its text', () => {
    const talk = renderHtmlPage(collection, resolveQuery(collection, 'prometheus'));
    expect(talk).toContain('<title>Prometheus - Intro, Deep Dive, And Open Q+A — Session Notes and Thoughts</title>');
    expect(ids(talk)[0]).toBe('prometheus---intro-deep-dive-and-open-qa');
    const contents = renderHtmlPage(collection, resolveQuery(collection, 'contents'));
    expect(anchorTargets(contents.slice(contents.indexOf('<main>')))).toEqual([]);
    expect(contents).toContain('<li>Learn About Helm and its Ecosystem</li>');
  });

  test('a section exported with its own subsection: each id once on the page, and every link resolves', () => {
    const twice = renderHtmlPage(collection, [...resolveQuery(collection, 'prometheus'), ...resolveQuery(collection, 'prometheus/alert')]);
    const onPage = ids(twice);
    expect(new Set(onPage).size).toBe(onPage.length);
    expect(onPage).toContain('alert');
    expect(onPage).toContain('alert-1');
    expect(anchorTargets(twice).every((target) => onPage.includes(target))).toBe(true);
  });

  test("several files: ids unique across them, and each file's links lead to its own headings", () => {
    const notes = collectionFrom({
      'a.md': '# A\n\n- [to intro](#intro)\n\n## Intro\n\nfirst\n',
      'b.md': '# B\n\n- [to intro](#intro)\n\n## Intro\n\nsecond\n',
    });
    const html = renderHtmlPage(notes);
    expect(ids(html)).toEqual(['a', 'intro', 'b', 'intro-1']);
    expect(anchorTargets(html.slice(html.indexOf('<main>')))).toEqual(['intro', 'intro-1']);
    expect(html.match(/<article>/g)).toHaveLength(2);
  });

  test('code is highlighted by highlight.js for the six languages, and escaped for others', () => {
    const html = renderHtmlPage(collectionOf(fixturePath('code-blocks.md')));
    expect(html).toContain(
      '<pre><code class="language-bash">kubectl get pods -n <span class="hljs-string">"<span class="hljs-variable">$NAMESPACE</span>"</span>',
    );
    const other = renderHtmlPage(collectionFrom({ 'x.md': '# X\n\n```cobol\nIF A < B\n```\n' }));
    expect(other).toContain('<pre><code class="language-cobol">IF A &lt; B</code></pre>');
  });

  test('a diagram that cannot be drawn says why and shows its source as code', () => {
    const html = renderHtmlPage(collectionFrom({ 'x.md': '# X\n\n```mermaid\nsequenceDiagram\n  A->>B: hi\n```\n' }));
    expect(html).toMatch(/<p class="note">[^<]+<\/p>\n<pre><code class="language-mermaid">sequenceDiagram/);
  });

  test('task lists show their boxes as characters, not form controls', () => {
    const html = renderHtmlPage(collectionFrom({ 'x.md': '# X\n\n- [x] done\n- [ ] open\n' }));
    expect(html).toContain('<li><span class="task">☑</span> done</li>');
    expect(html).not.toContain('<input');
  });
});

describe('the page title: section — page — notes, as far as each exists', () => {
  const titleOf = (html: string): string => /<title>(.*)<\/title>/.exec(html)![1];

  test("a folder with an index page: its title is the notes'; a section names its page too", async () => {
    const folder = await folderCollection(fixturePath('wide-notes'));
    const guide = 'A Field Guide To Running Distributed Application Runtimes On Shared Kubernetes Clusters In Production';
    expect(titleOf(renderHtmlPage(folder))).toBe(guide);
    const page = 'Running The Sidecar Next To Every Service With Unix Domain Sockets Instead Of Loopback TCP';
    expect(titleOf(renderHtmlPage(folder, resolveQuery(folder, '2.1')))).toBe(
      `Checking That Every Sidecar In The Namespace Actually Listens On The Socket And Not On A Port — ${page} — ${guide}`,
    );
    expect(titleOf(renderHtmlPage(folder, resolveQuery(folder, '2')))).toContain(`— ${page} — ${guide}`);
  });

  test("a folder without an index page goes by the folder's name; pages of several files by the notes' title alone", async () => {
    const folder = await folderCollection(fixturePath('folder'));
    expect(titleOf(renderHtmlPage(folder))).toBe('folder');
    expect(
      titleOf(
        renderHtmlPage(
          folder,
          folder.sections.filter((s) => s.level === 2),
        ),
      ),
    ).toBe('folder');
  });

  test('notes with no name at all (files read from standard input) are "Notes"', () => {
    expect(titleOf(renderHtmlPage(collectionFrom({ 'a.md': '## One\n', 'b.md': '## Two\n' })))).toBe('Notes');
  });
});
