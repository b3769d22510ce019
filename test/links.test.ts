// Link resolution over a fixture folder with every link form: kinds, targets, lines, sections, and why a link is broken.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { buildCollection } from '../src/core/notes/collection.js';
import { collectionLinks, sectionLinks, type NoteLink } from '../src/core/links/graph.js';
import { htmlAnchors } from '../src/core/links/html-anchors.js';
import { resolveLink } from '../src/core/links/targets.js';
import { bundledCollection, bundledLine, fixturePath, folderCollection } from './helpers/notes.js';

const notes = await folderCollection(fixturePath('links'));
const links = collectionLinks(notes);

/** `file:line kind source → target file#id`, or `✗ reason` for a broken one. */
const described = (link: NoteLink): string => {
  const where = `${link.file}:${link.line} ${link.kind} ${link.source}`;
  if (link.broken) return `${where} ✗ ${link.broken.reason}`;
  if (!link.target) return where;
  return `${where} → ${link.target.document.file}${link.target.section ? `#${link.target.section.id}` : ''}`;
};
const linksIn = (file: string): string[] => links.filter((l) => l.file === file).map(described);

describe('every link form, from the top of the folder', () => {
  test('relative file links, with and without an anchor, a ./ path, %-escapes, a reference link, the title heading', () => {
    expect(linksIn('README.md').slice(0, 10)).toEqual([
      'README.md:7 file [Setup](guide/setup.md) → guide/setup.md',
      'README.md:8 file+anchor [Install with Helm](guide/setup.md#install-with-helm) → guide/setup.md#install-with-helm',
      'README.md:9 file+anchor [The second demo](reference/api.md#demo-1) → reference/api.md#demo-1',
      'README.md:10 file+anchor [Launch](./reference/api.md#-launch-day) → reference/api.md#-launch-day',
      'README.md:11 file+anchor [Q&A](reference/api.md#qa-whats-next) → reference/api.md#qa-whats-next',
      'README.md:12 file+anchor [Café](reference/api.md#caf%C3%A9-notes) → reference/api.md#café-notes',
      'README.md:13 file [Nested](guide/deep/nested.md) → guide/deep/nested.md',
      'README.md:14 file+anchor [Errors](reference/api.md#errors) → reference/api.md#errors',
      'README.md:15 anchor [Back to the top](#link-fixtures) → README.md',
      'README.md:16 anchor [This list](#contents) → README.md#contents',
    ]);
  });

  test('wiki links by file name, title, path and heading, with an alias, in the same file, embedded', () => {
    expect(linksIn('README.md').slice(10, 16)).toEqual([
      'README.md:22 wiki [[Setup]] → guide/setup.md',
      'README.md:22 wiki [[API reference]] → reference/api.md',
      'README.md:22 wiki [[guide/setup#Install with Helm]] → guide/setup.md#install-with-helm',
      'README.md:23 wiki [[api#Errors|the errors]] → reference/api.md#errors',
      'README.md:23 wiki [[#Contents]] → README.md#contents',
      'README.md:23 wiki ![[Setup]] → guide/setup.md',
    ]);
  });

  test('URLs are external (autolinks and bare ones too); images, site paths and other schemes are other; none is followed', () => {
    expect(linksIn('README.md').slice(16)).toEqual([
      'README.md:27 external [https://example.com/docs](https://example.com/docs)',
      'README.md:27 external [https://example.org](https://example.org)',
      'README.md:27 external [mail](mailto:team@example.com)',
      'README.md:28 other [The logo](images/logo.png)',
      'README.md:28 other [a site page](/about/)',
      'README.md:28 other [FTP](ftp://example.com/file)',
    ]);
  });

  test('from nested folders, ../ paths resolve against the linking file; a link on a continued line has that line; an anchor set in HTML leads to its section', () => {
    expect(linksIn('guide/deep/nested.md')).toEqual([
      'guide/deep/nested.md:3 file+anchor [the requirements](../setup.md#requirements) → guide/setup.md#requirements',
      'guide/deep/nested.md:3 file+anchor [wiki links](../../README.md#wiki-links) → README.md#wiki-links',
      'guide/deep/nested.md:4 wiki [[API reference#Demo]] → reference/api.md#demo',
      'guide/deep/nested.md:5 file+anchor [legacy errors](../../reference/api.md#legacy-errors) → reference/api.md#errors',
    ]);
  });

  test('duplicate headings are #demo and #demo-1; links inside emphasis are found; front matter lines count', () => {
    expect(linksIn('reference/api.md')).toEqual([
      'reference/api.md:21 anchor [first demo](#demo) → reference/api.md#demo',
      'reference/api.md:21 wiki [[#Demo]] → reference/api.md#demo',
      'reference/api.md:21 anchor [the second](#demo-1) → reference/api.md#demo-1',
    ]);
  });

  test('nothing in a code block, an indented code block or a code span is a link', () => {
    expect(linksIn('guide/setup.md')).toEqual([
      'guide/setup.md:7 file [API](../reference/api.md) → reference/api.md',
      'guide/setup.md:7 file+anchor [its errors](../reference/api.md#errors) → reference/api.md#errors',
    ]);
  });

  test('each link knows its section: the nearest heading above it', () => {
    expect(links.filter((l) => l.file === 'README.md').map((l) => l.section?.id)).toEqual([
      ...Array(10).fill('contents'),
      ...Array(6).fill('wiki-links'),
      ...Array(6).fill('elsewhere'),
    ]);
  });
});

describe('lines', () => {
  test('in quotes, nested list items, loose items, table rows and wrapped paragraphs; CRLF and front matter counted', () => {
    const text = [
      '---',
      'title: T',
      '---',
      '## A',
      '',
      '> quoted',
      '> [q](#a)',
      '',
      '- item',
      '  - nested [n](#a)',
      '',
      '  loose [l](#a)',
      '',
      '| h | [t](#a) |',
      '| - | - |',
      '| 1 | 2 |',
      '| [r](#a) | 3 |',
      '',
      'wrapped',
      'text *and\n[e](#a)*',
      '',
    ]
      .join('\r\n')
      .replace('\\n', '\r\n');
    const collection = buildCollection([{ file: 'a.md', bytes: new TextEncoder().encode(text) }]);
    expect(collectionLinks(collection).map((l) => `${l.text}:${l.line}`)).toEqual(['q:7', 'n:10', 'l:12', 't:14', 'r:17', 'e:21']);
  });
});

test('anchors set in raw HTML: name= and id=, quoted or not, in blocks and inline; not in code', () => {
  const text =
    "---\nt: 1\n---\n```html\n<a name=\"code\"></a>\n```\n\n<a name=\"block\"></a>\n\ntext <span id=inline>a</span> and `<a id='span'>`\n\n<div class='x' id='quoted'>\n</div>\n";
  expect([...htmlAnchors(text)]).toEqual([
    ['block', 8],
    ['inline', 10],
    ['quoted', 12],
  ]);
});

describe('broken links say why, and what was meant', () => {
  const broken = links.filter((l) => l.broken).map((l) => ({ line: l.line, ...l.broken }));

  test('a missing file, a missing anchor here and there, a malformed escape, an ambiguous or missing wiki link', () => {
    expect(broken).toEqual([
      { line: 3, reason: 'missing-file', why: 'no file guide/setpu.md in the notes', suggestion: 'guide/setup.md' },
      {
        line: 4,
        reason: 'missing-anchor',
        why: 'no heading #install-with-helmm in guide/setup.md',
        suggestion: 'guide/setup.md#install-with-helm',
      },
      { line: 5, reason: 'missing-anchor', why: 'no heading #broken-link in broken.md', suggestion: '#broken-links' },
      { line: 6, reason: 'missing-anchor', why: 'no heading #%E0%A4%A in broken.md' },
      {
        line: 7,
        reason: 'ambiguous',
        why: 'matches 2 files: teams/alpha/runbook.md, teams/beta/runbook.md',
        suggestion: '[[teams/alpha/runbook]] or [[teams/beta/runbook]]',
      },
      { line: 8, reason: 'missing-anchor', why: 'no heading "Uninstall" in guide/setup.md', suggestion: '[[Setup#Install with Helm]]' },
      { line: 9, reason: 'missing-file', why: 'no file or title "Nowhere" in the notes' },
    ]);
    expect(links.filter((l) => l.broken).every((l) => l.file === 'broken.md')).toBe(true);
  });

  test('a suggested file is a typo or two away, written relative to the linking file, keeping its anchor', () => {
    expect(resolveLink(notes, 'guide/deep/nested.md', { href: '../setpu.md#requirements' }).broken?.suggestion).toBe(
      '../setup.md#requirements',
    );
    expect(resolveLink(notes, 'README.md', { href: 'Guide/Setup.md' }).broken).toEqual({
      reason: 'missing-file',
      why: 'no file Guide/Setup.md in the notes',
      suggestion: 'guide/setup.md',
    });
    expect(resolveLink(notes, 'README.md', { href: 'guide/install.md' }).broken?.suggestion).toBeUndefined();
    expect(resolveLink(notes, 'README.md', { wiki: { page: 'API referense' } }).broken?.suggestion).toBe('[[API reference]]');
  });

  test('anchors compare as GitHub does: %-escapes decoded, case ignored', () => {
    expect(resolveLink(notes, 'README.md', { href: 'reference/api.md#Errors' }).target?.section?.id).toBe('errors');
    expect(resolveLink(notes, 'README.md', { href: 'reference/api.md#%2Dlaunch-day' }).target?.section?.id).toBe('-launch-day');
  });

  test('a link out of the notes, or to a file that is not Markdown, is not theirs to check', () => {
    expect(resolveLink(notes, 'README.md', { href: '../outside.md' })).toEqual({ kind: 'other' });
    expect(resolveLink(notes, 'README.md', { href: 'guide/' })).toEqual({ kind: 'other' });
    expect(resolveLink(notes, 'README.md', { wiki: { page: 'diagram.png' } })).toEqual({ kind: 'other' });
  });
});

describe('a section’s links', () => {
  test('outgoing: the links written in it and its subsections; incoming: the links that lead to it', () => {
    const demo1 = notes.sections.find((s) => s.file === 'reference/api.md' && s.id === 'demo-1')!;
    const { outgoing, incoming } = sectionLinks(notes, demo1);
    expect(outgoing).toEqual([]);
    expect(incoming.map((l) => `${l.file}:${l.line} ${l.section?.id} ${l.text}`)).toEqual([
      'README.md:9 contents The second demo',
      'reference/api.md:21 errors the second',
    ]);
  });

  test('on the bundled notes: the eight Contents links resolve, and the Prometheus talk is linked from the Contents', () => {
    const bundled = bundledCollection();
    const contents = collectionLinks(bundled).filter((l) => l.section?.id === 'contents');
    expect(contents.map((l) => [l.kind, l.target?.section?.number])).toEqual(
      ['1', '2', '4', '3', '5', '6', '7', '8'].map((n) => ['anchor', n]),
    );
    const prometheus = bundled.sections.find((s) => s.number === '7')!;
    expect(sectionLinks(bundled, prometheus).incoming.map((l) => [l.line, l.section?.id, l.text])).toEqual([
      [bundledLine('- [Prometheus - Intro'), 'contents', 'Prometheus - Intro, Deep Dive, And Open Q+A'],
    ]);
  });
});

describe('for any input', () => {
  test('finding and resolving links never throws, and every internal link has a target or a reason', () => {
    const piece = fc.constantFrom(
      '[a](',
      '#',
      '%',
      '%E0',
      '../',
      '.md',
      ')',
      '[[',
      ']]',
      '|',
      '\n',
      '`',
      '```\n',
      '<',
      '>',
      'x',
      ' ',
      '-',
      '](b.md#c)',
      '[r]: ',
      '\\',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.string({ maxLength: 12 }), (pieces, href) => {
        const collection = buildCollection([
          { file: 'dir/a.md', bytes: new TextEncoder().encode(`## A\n\n${pieces.join('')}\n`) },
          { file: 'b.md', bytes: new TextEncoder().encode('## C\n') },
        ]);
        for (const link of collectionLinks(collection)) {
          if (['anchor', 'file', 'file+anchor', 'wiki'].includes(link.kind))
            expect(Boolean(link.target) !== Boolean(link.broken)).toBe(true);
          expect(link.line).toBeGreaterThanOrEqual(1);
        }
        resolveLink(collection, 'dir/a.md', { href });
        resolveLink(collection, 'dir/a.md', { wiki: { page: href, heading: href } });
      }),
      { numRuns: 300 },
    );
  });
});
