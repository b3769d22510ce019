// The outline reads a large file without lexing most of it; what it reads must be what marked reads of the whole.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Token, Tokens } from 'marked';
import { outlineTokens } from '../src/core/markdown/outline.js';
import { isTableOfContents, sectionMeta } from '../src/core/markdown/parse.js';
import { inlineText, plainSource } from '../src/core/markdown/plaintext.js';
import { templateBlocksAsFences } from '../src/core/markdown/templates.js';
import { lexTokens, locateTokens, markdown } from '../src/core/markdown/tokens.js';

/** Text with every character that means something inline, blanks of several kinds, and URL and entity pieces. */
const inline = fc
  .array(
    fc.constantFrom(
      'a',
      'b',
      'Z',
      '9',
      ' ',
      ' ',
      '#',
      '*',
      '_',
      '`',
      '~',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '!',
      '&',
      ';',
      ':',
      '/',
      '@',
      '.',
      '{',
      '}',
      '%',
      '\\',
      '\t',
      '\u00a0',
      '\u2003',
      '-',
      '=',
      '|',
      'www.',
      'http://',
      '&amp;',
      '&#35;',
      'é',
      'İ',
      '🤷',
      '](#',
      '[x](#y)',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

/** Lines that start, end or hide headings, lists, fences, HTML, tables, quotes and tables of contents. */
const line = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), inline).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  inline.map((text) => `- **${text}**: ${text}`),
  inline,
  fc.constantFrom(
    '',
    '',
    '',
    '   ',
    '# H',
    '## Sub',
    '#',
    '#hashtag',
    '   # indented',
    '    # code',
    '\t# tab',
    '# Title #',
    '#\u00a0nbsp',
    '- item',
    '* **A**: b',
    '1. **N**: v',
    '  - nested',
    '- [x](#x)',
    '  - [y](<#y>)',
    '[z](\\#z)',
    '- [Long',
    '  title](#t)',
    '```',
    '```js',
    '````',
    '~~~',
    '  ```',
    '   ~~~',
    '```x`y',
    '> quote',
    '> # q',
    '---',
    '===',
    '- - -',
    '***',
    '<!-- c',
    '-->',
    '<div>',
    '</div>',
    '<br>',
    '| a | b |',
    '|---|---|',
    'Who are we?',
    'lazy line',
    'text  ',
    '{% highlight js %}',
    '{% endhighlight %}',
    'para\u2028x',
    '[ref]: /url',
    '[ref]',
    '- [Two words](#two-words)',
    '  - [Nested](#nested)',
    '[a b](#x-y) tail',
    '- [ spaced ](#s)',
    '- [x](#a "t")',
    '- [x]( #a )',
    '- [x](#a(b))',
    '- [x](../y.md#z)',
    '- [x](http://x.io)',
    '- [x](#a_b~c)',
    '- [`c`](#c)',
  ),
);
const markdownText = fc.tuple(fc.array(line, { maxLength: 40 }), fc.boolean()).map(([lines, end]) => lines.join('\n') + (end ? '\n' : ''));

/** What the outline needs of each top-level heading: its line, level, title, and the metadata and contents its body make. */
function outlineOf(located: Array<{ token: Token; line: number }>) {
  const headings: Array<{ line: number; level: number; title: string; body: Token[] }> = [];
  for (const { token, line } of located) {
    if (token.type === 'heading')
      headings.push({ line, level: (token as Tokens.Heading).depth, title: inlineText((token as Tokens.Heading).tokens), body: [] });
    else headings.at(-1)?.body.push(token);
  }
  return headings.map(({ body, ...heading }) => ({ ...heading, meta: sectionMeta(body), contents: isTableOfContents(body) }));
}

/** The outline as read in part, and as marked reads the whole: of the text as the parser hands it over. */
function bothOutlines(text: string) {
  const source = templateBlocksAsFences(text);
  return [outlineOf(outlineTokens(source, 1)), outlineOf(locateTokens(markdown.lexer(source), source, 1))];
}

test("a block dialect's opening inside a line (`a!!!`, `x:::note`, `y {{< z >}}`, `w > [!note]`) neither ends a paragraph nor adds a line to it", () => {
  for (const line of ['a!!!', 'a!!! note', 'x:::note', 'y {{< z >}}', 'w > [!note]', 'v ??? tip', 'u === "Tab"']) {
    const source = `# Title\n\n${line}\n## Next\n`;
    const tokens = markdown.lexer(source);
    expect(tokens.map((token) => token.raw).join('')).toBe(source);
    expect(tokens.filter((token) => token.type === 'paragraph').map((token) => token.raw)).toEqual([`${line}\n`]);
    expect(bothOutlines(source)[1].map((heading) => heading.line)).toEqual([1, 4]);
  }
});

describe('the outline of a file, lexed in part', () => {
  test('has the headings, lines, titles, metadata and tables of contents of marked reading it whole', () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        const [inPart, whole] = bothOutlines(text);
        expect(inPart).toEqual(whole);
      }),
      { numRuns: 3000 },
    );
  });

  test('of many sections, most of them plain, is the same as marked reading it whole', () => {
    const sections = fc.array(fc.tuple(line, fc.array(line, { maxLength: 6 })), { minLength: 20, maxLength: 60 });
    fc.assert(
      fc.property(sections, (parts) => {
        const text = parts.map(([first, body], i) => [`${'#'.repeat((i % 3) + 1)} Part ${i}`, first, ...body].join('\n')).join('\n') + '\n';
        const [inPart, whole] = bothOutlines(text);
        expect(inPart).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

describe('inline text read without lexing', () => {
  test('text plainSource takes as it is lexes to that one text token', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          inline,
          fc.tuple(inline, inline).map(([a, b]) => `${a}\n${b}`),
        ),
        (text) => {
          const plain = plainSource(text);
          if (plain === undefined) return;
          expect(plain).toBe(text);
          const tokens = markdown.Lexer.lexInline(text, markdown.defaults);
          expect(tokens).toEqual(text ? [{ type: 'text', raw: text, text, escaped: false }] : []);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('blocks lexed with plain text left unlexed are the tokens of marked lexing everything', () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        const source = templateBlocksAsFences(text);
        expect(lexTokens(source)).toEqual(markdown.lexer(source));
      }),
      { numRuns: 1000 },
    );
  });
});
