import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildCollection } from '../src/core/notes/collection.js';
import { findFrontMatter, opensWithFence, readFrontMatter } from '../src/core/markdown/frontmatter.js';
import { frontMatterParsers as parsers } from '../src/core/markdown/frontmatter-parsers.js';
import { lexWithLines, parseDocument, sectionSlices } from '../src/core/markdown/parse.js';
import { blockText } from '../src/core/markdown/plaintext.js';
import { fixturePath } from './helpers/notes.js';

/** A fixture as the CLI reads it: its bytes decoded (BOM dropped) and parsed. */
const documentOf = (name: string) => {
  const bytes = readFileSync(fixturePath(`frontmatter/${name}`));
  return buildCollection([{ file: name, bytes }], parsers).documents[0];
};
/** The document's prose as a search would read it: every token's text, template spans left out. */
const proseOf = (text: string) =>
  blockText(
    lexWithLines(text).map((t) => t.token),
    { omitTemplates: true },
  );

describe('finding front matter', () => {
  test('YAML between --- lines and TOML between +++ lines, at the very start, any line ending', () => {
    expect(findFrontMatter('---\na: 1\n---\n# H\n')).toEqual({ format: 'yaml', content: 'a: 1\n', end: 13, lines: 3 });
    expect(findFrontMatter('+++\na = 1\n+++\r\n')).toMatchObject({ format: 'toml', content: 'a = 1\n', lines: 3 });
    expect(findFrontMatter('---\r\na: 1\r\n---\r\nx')).toMatchObject({ content: 'a: 1\r\n', end: 16 });
    expect(findFrontMatter('---\ra: 1\r---\rx')).toMatchObject({ content: 'a: 1\r', lines: 3 });
    expect(findFrontMatter('\uFEFF---\na: 1\n---\n')).toMatchObject({ content: 'a: 1\n' });
  });

  test('an empty block, a closing ... for YAML, a closing fence at the end of the file without a newline', () => {
    expect(findFrontMatter('---\n---\n')).toMatchObject({ content: '', lines: 2 });
    expect(findFrontMatter('---\na: 1\n...\n')).toMatchObject({ content: 'a: 1\n', lines: 3 });
    expect(findFrontMatter('---\na: 1\n---')).toMatchObject({ content: 'a: 1\n', end: 12 });
  });

  test('opensWithFence: a cheap look at the bytes, BOM allowed, before anything is decoded', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect([bytes('---\na: 1'), bytes('\uFEFF+++\n'), bytes('--'), bytes('# x\n---\n'), bytes('')].map(opensWithFence)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  test('no front matter: not at the start, never closed, mismatched fences, text on the fence line', () => {
    expect(findFrontMatter('\n---\na: 1\n---\n')).toBeUndefined();
    expect(findFrontMatter('Title\n---\n')).toBeUndefined();
    expect(findFrontMatter('---\n\n## Heading\n')).toBeUndefined();
    expect(findFrontMatter('+++\na = 1\n---\n')).toBeUndefined();
    expect(findFrontMatter('--- a: 1\n---\n')).toBeUndefined();
    expect(findFrontMatter('----\na: 1\n----\n')).toBeUndefined();
  });
});

describe('reading front matter', () => {
  const read = (text: string) => readFrontMatter(findFrontMatter(text)!, parsers);

  test('title apart; other scalars and lists are meta, keys lowercased; nested values dropped', () => {
    expect(read('---\nTitle: T\nWeight: 2\ndraft: false\ntags: [a, b]\ndate: 2022-10-24\nmenu:\n  main: {weight: 1}\n---\n')).toEqual({
      title: 'T',
      meta: { weight: 2, draft: false, tags: ['a', 'b'], date: '2022-10-24' },
    });
  });

  test('a title folded over lines is read on one line, as a heading is (found by core.property.test.ts)', () => {
    expect(read('---\ntitle: |\n  Two\n  lines\n---\n').title).toBe('Two lines');
    expect(read('---\ntitle: 🤷🤷\n\n 0\n---\n').title).toBe('🤷🤷 0');
  });

  test('TOML: dates as written, tables dropped', () => {
    expect(read('+++\ntitle = "T"\ndate = 2022-10-24\n[params]\nx = 1\n+++\n')).toEqual({ title: 'T', meta: { date: '2022-10-24' } });
  });

  test('broken YAML or TOML: no keys read, a problem at the line of the file', () => {
    expect(read('---\ntitle: T\ntags: [a\n---\n')).toMatchObject({ meta: {}, problem: { line: 4 } });
    expect(read('---\ntitle: T\ntags: [a\n---\n').title).toBeUndefined();
    expect(read('+++\ntitle = "T"\nweight =\n+++\n')).toMatchObject({ meta: {}, problem: { line: 3 } });
    expect(read('---\n- a list\n---\n').problem?.message).toMatch(/not a set of keys and values/);
  });
});

describe('front matter in a document', () => {
  const allFixtures = ['bom.md', 'crlf.md', 'toml.md', 'broken-yaml.md', 'only-front-matter.md'];

  test.each(allFixtures)('%s: no front-matter key is ever a section title or in a section body', (name) => {
    const document = documentOf(name);
    for (const section of document.sections) {
      expect(section.title).not.toMatch(/title|tags|description|weight|draft/);
      expect(section.markdown).not.toMatch(/^(title|tags|description|weight)\s*[:=]/m);
    }
    expect(proseOf(document.text)).not.toMatch(/title:|tags|weight|description|unclosed/);
  });

  test.each(allFixtures)('%s: the slices put together are the file, front matter included', (name) => {
    const document = documentOf(name);
    expect(sectionSlices(document).join('')).toBe(document.text);
    expect(sectionSlices(document)[0]).toMatch(/^(---|\+\+\+)/);
  });

  test('a BOM before the front matter', () => {
    expect(documentOf('bom.md')).toMatchObject({ title: 'With a BOM', meta: { tags: ['bom'] } });
    expect(documentOf('bom.md').sections.map((s) => [s.title, s.line])).toEqual([['First', 6]]);
    // read with the BOM kept (as readFileSync(…, 'utf8') does), it is still front matter
    expect(parseDocument(readFileSync(fixturePath('frontmatter/bom.md'), 'utf8'), 'bom.md', { parsers }).title).toBe('With a BOM');
  });

  test('CRLF front matter: titles and meta without \\r, heading lines counted below it', () => {
    const document = documentOf('crlf.md');
    expect(document).toMatchObject({ title: 'Windows notes', meta: { description: 'Saved on Windows' } });
    expect(document.sections.map((s) => [s.title, s.line])).toEqual([
      ['First', 6],
      ['Second', 10],
    ]);
  });

  test('TOML front matter', () => {
    const document = documentOf('toml.md');
    expect(document).toMatchObject({ title: 'TOML notes', meta: { weight: 5, draft: false, tags: ['toml', 'hugo'] } });
    expect(document.sections.map((s) => [s.title, s.line])).toEqual([['First', 10]]);
  });

  test('broken YAML: still front matter, its keys unread, one warning naming the file and line; the H1 is the title', () => {
    const document = documentOf('broken-yaml.md');
    expect(document.title).toBe('The real title');
    expect(document.meta).toEqual({});
    expect(document.warnings).toEqual([{ file: 'broken-yaml.md', line: 4, message: expect.stringMatching(/^front matter not read: /) }]);
    expect(document.warnings[0].message).not.toContain('\n');
    expect(document.sections.map((s) => [s.number, s.title, s.line])).toEqual([['1', 'First', 9]]);
  });

  test('a --- that is not at the start is a thematic break or a setext underline, as Markdown says', () => {
    const document = documentOf('thematic-break.md');
    expect(document).toMatchObject({ title: 'Breaks', meta: {} });
    expect(document.sections.map((s) => [s.title, s.line])).toEqual([['After the rule', 7]]);
    expect(parseDocument('Setext\n---\n', 'x.md').sections.map((s) => [s.title, s.level])).toEqual([['Setext', 2]]);
  });

  test('an opening --- that nothing closes is not front matter', () => {
    const document = documentOf('unclosed-fence.md');
    expect(document.warnings).toEqual([]);
    expect(document.sections.map((s) => [s.title, s.line])).toEqual([['Below a rule', 3]]);
  });

  test('a file of nothing but front matter: a title, no sections', () => {
    expect(documentOf('only-front-matter.md')).toMatchObject({ title: 'Nothing but metadata', sections: [] });
  });
});

test('without the parsers, a block is still kept out of headings and text, with a warning', () => {
  const document = parseDocument('---\ntitle: T\n---\n## A\n', 'x.md');
  expect(document.sections.map((s) => [s.title, s.line])).toEqual([['A', 4]]);
  expect(document.warnings).toEqual([{ file: 'x.md', line: 1, message: 'front matter not read: no YAML/TOML parser was loaded' }]);
});

describe('a title per file', () => {
  const titleOf = (text: string, file = 'docs/some-notes.md') => parseDocument(text, file, { parsers }).title;

  test('the front matter title, else the single level-1 heading that opens the file, else the file name', () => {
    expect(titleOf('---\ntitle: From front matter\n---\n# From heading\n')).toBe('From front matter');
    expect(titleOf('# From heading\n\n## A\n')).toBe('From heading');
    expect(titleOf('---\ntags: [x]\n---\n# From heading\n')).toBe('From heading');
    expect(titleOf('# One\n\n# Two\n')).toBe('some-notes');
    expect(titleOf('## Only sections\n')).toBe('some-notes');
    expect(titleOf('---\ntitle: ""\n---\n## A\n')).toBe('some-notes');
    expect(titleOf('text', '2022-10-24-recap.markdown')).toBe('2022-10-24-recap');
  });

  test('a README or index named only by its file stands for its folder', () => {
    expect(titleOf('## Usage\n', 'packages/glob/README.md')).toBe('glob');
    expect(titleOf('## A\n', 'content/docs/configure/_index.md')).toBe('configure');
    expect(titleOf('## A\n', 'guide/index.markdown')).toBe('guide');
    expect(titleOf('## A\n', 'README.md')).toBe('README');
    expect(titleOf('# Glob\n\n## Usage\n', 'packages/glob/README.md')).toBe('Glob');
  });
});
