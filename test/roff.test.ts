// The manual's Markdown as man-page roff: what each kind of block becomes, and text roff would misread kept literal.
import { describe, expect, test } from '@jest/globals';
import { markdownToRoff, sectionOf } from '../src/render/roff.js';

describe('markdownToRoff', () => {
  test('drops the page title; paragraphs keep code in bold, emphasis in italics, links as their text', () => {
    expect(markdownToRoff('# Title\n\nSee `--raw` and *this* [page](other.md).\n')).toEqual([
      '.PP',
      'See \\fB\\-\\-raw\\fR and \\fIthis\\fR page.',
    ]);
  });

  test('a console example keeps its command lines only; other code stays whole', () => {
    expect(markdownToRoff('```console\n$ kubenotes list\n1  Talk\n[exit 1]\n```\n\n```json\n{"a": 1}\n```\n')).toEqual([
      '.PP',
      '.RS 4',
      '.nf',
      'kubenotes list',
      '.fi',
      '.RE',
      '.PP',
      '.RS 4',
      '.nf',
      '{"a": 1}',
      '.fi',
      '.RE',
    ]);
  });

  test('a table is a tagged list; with several columns each value is named by its header, a dash left out', () => {
    expect(markdownToRoff('| option | meaning |\n| --- | --- |\n| `-d` | depth |\n')).toEqual(['.TP', '\\fB\\-d\\fR', 'depth']);
    expect(markdownToRoff('| what | flag | env |\n| --- | --- | --- |\n| width | `-w` | — |\n')).toEqual([
      '.TP',
      'width',
      'flag: \\fB\\-w\\fR',
    ]);
  });

  test("list items are indented paragraphs, numbered from the list's start", () => {
    expect(markdownToRoff('3. one\n4. two\n\n- dot\n')).toEqual(['.IP 3. 4', 'one', '.IP 4. 4', 'two', '.IP \\(bu 4', 'dot']);
  });

  test('text roff would take for a request or an escape stays literal, and entities are characters', () => {
    expect(markdownToRoff("a \\\\ b &amp; &lt;c&gt;\n\n.TH not a request\n\n'quoted\n")).toEqual([
      '.PP',
      'a \\e b & <c>',
      '.PP',
      '\\&.TH not a request',
      '.PP',
      "\\&'quoted",
    ]);
  });
});

describe('sectionOf', () => {
  const page = '# Page\n\nintro\n\n## One\n\nfirst\n\n### Deeper\n\nsecond\n\n## Two\n\nthird\n';
  test('is the text under a heading, up to the next heading', () => {
    expect(sectionOf(page, 'One')).toBe('first\n');
    expect(sectionOf(page, 'Two')).toBe('third\n');
  });
  test('a heading the manual lacks stops the build with its name', () => {
    expect(() => sectionOf(page, 'Three')).toThrow('the manual has no section "Three"');
  });
});
