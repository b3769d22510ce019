// The core skips marked's slowest block rules where they cannot match (src/core/markdown/reader.ts): a setext heading
// where no underline follows, a table without a delimiter row, an HTML block or a quote that does not open with `<`
// or `>`. Wherever
// marked's own rule matches, the check must say it may, or a heading, table or HTML block would be lost.
import { describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import { Lexer, Tokenizer } from 'marked';
import { markdown, mayHtmlBlock, mayQuote, maySetextHeading, mayTable } from '../src/core/markdown/reader.js';

const rules = Lexer.rules.block.gfm;

const line = fc.oneof(
  fc.constantFrom(
    'Title',
    'some text here',
    '===',
    '---',
    '  ---  ',
    '-',
    '=',
    '- - -',
    '***',
    '___',
    '* * *',
    '- item',
    '* item',
    '1. item',
    '1.x',
    '# heading',
    '#hash',
    '> quote',
    '```',
    '~~~',
    '<div>',
    '<span>x</span>',
    '| a | b |',
    'a | b',
    '|---|---|',
    ':--|--:',
    ' | :-: |',
    '-|-',
    '   <!-- a comment -->',
    '<?x ?>',
    '    <div>',
    '',
    '   ',
    '\t',
    'a\tb',
    '    code',
    ' \u00a0 ',
  ),
  fc.string({ maxLength: 12 }),
);
const source = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean())
  .map(([lines, newline]) => `${lines.join('\n')}${newline ? '\n' : ''}`);

describe("the checks before marked's slowest block rules", () => {
  test.each([
    ['a setext heading', rules.lheading, maySetextHeading],
    ['a table', rules.table, mayTable],
    ['an HTML block', rules.html, mayHtmlBlock],
    ['a quote', rules.blockquote, mayQuote],
  ])("say %s may be there wherever marked's rule reads one", (_name, rule, check) => {
    fc.assert(
      fc.property(source, (src) => {
        if (rule.test(src)) expect([src, check(src)]).toEqual([src, true]);
      }),
      { numRuns: 3000 },
    );
  });

  test('say none for a paragraph that ends without an underline, and let marked decide one that has it', () => {
    expect(maySetextHeading('A paragraph\nof two lines\n\nTitle\n===\n')).toBe(false);
    expect(maySetextHeading('A paragraph\n- a list\nTitle\n---\n')).toBe(false);
    expect(maySetextHeading('Title\n  ===  \n')).toBe(true);
    expect(maySetextHeading('Title\nsecond line\n---')).toBe(true);
  });

  test('say none for a table without its delimiter row, or an HTML block or quote that does not open with < or >', () => {
    expect(mayTable('| a | b |\n| c | d |\n')).toBe(false);
    expect(mayTable('| a | b |')).toBe(false);
    expect(mayTable('| a | b |\n|---|:-:|\n| c | d |')).toBe(true);
    expect(mayHtmlBlock('text <div>')).toBe(false);
    expect(mayHtmlBlock('   <div>')).toBe(true);
    expect(mayQuote('a > b')).toBe(false);
    expect(mayQuote('   > quoted')).toBe(true);
  });

  test("a document with no table, HTML, quote or setext heading never runs marked's rules for them", () => {
    const rulesRun = ['lheading', 'table', 'html', 'blockquote'].map((rule) => jest.spyOn(Tokenizer.prototype, rule as 'table'));
    try {
      const plain = markdown.lexer('# Title\n\nA paragraph with *emphasis*.\n\n- a list\n- of items\n\nMore text\non two lines.\n');
      expect(plain.map((token) => token.type)).toEqual(['heading', 'space', 'paragraph', 'space', 'list', 'space', 'paragraph']);
      expect(rulesRun.map((spied) => spied.mock.calls.length)).toEqual([0, 0, 0, 0]);
      const tokens = markdown.lexer('Title\n===\n\n| a | b |\n|---|---|\n| c | d |\n\n<div>\nhtml\n</div>\n\n> a quote\n');
      expect(tokens.filter((token) => token.type !== 'space').map((token) => token.type)).toEqual([
        'heading',
        'table',
        'html',
        'blockquote',
      ]);
    } finally {
      rulesRun.forEach((spied) => spied.mockRestore());
    }
  });
});
