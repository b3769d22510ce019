// The core skips marked's setext-heading rule where no underline can follow (src/core/markdown/reader.ts): wherever marked's
// own rule reads a setext heading, the check must say one may be there, or a heading would be lost.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { Lexer } from 'marked';
import { maySetextHeading } from '../src/core/markdown/reader.js';

const setextRule = Lexer.rules.block.gfm.lheading;

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
    '|---|---|',
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

describe("the setext-heading check before marked's rule", () => {
  test('says a heading may be there wherever marked reads one', () => {
    fc.assert(
      fc.property(source, (src) => {
        if (setextRule.test(src)) expect([src, maySetextHeading(src)]).toEqual([src, true]);
      }),
      { numRuns: 3000 },
    );
  });

  test('says none for a paragraph that ends without an underline, and lets marked decide one that has it', () => {
    expect(maySetextHeading('A paragraph\nof two lines\n\nTitle\n===\n')).toBe(false);
    expect(maySetextHeading('A paragraph\n- a list\nTitle\n---\n')).toBe(false);
    expect(maySetextHeading('Title\n  ===  \n')).toBe(true);
    expect(maySetextHeading('Title\nsecond line\n---')).toBe(true);
  });
});
