// fast-check arbitraries for notes as they come from anywhere: Markdown of every kind mixed with control characters,
// escape sequences, character references, lone surrogates, a BOM, tabs, every line ending, long lines, deep nesting,
// unclosed fences and headings of only punctuation or emoji.
import fc from 'fast-check';

const ESC = '\u001b';

/** Characters and sequences a terminal would act on, and other text that trips up readers of text. */
export const hostileFragment = fc.constantFrom(
  `${ESC}[2J`,
  `${ESC}[31m`,
  `${ESC}]0;title\u0007`,
  `${ESC}]8;;https://evil.example\u0007x${ESC}]8;;\u0007`,
  `${ESC}P1$r${ESC}\\`,
  `${ESC}c`,
  ESC,
  '\u009b31m',
  '\u009d0;t\u009c',
  '\u0085',
  '\u0007',
  '\b',
  '\u0000',
  '\u007f',
  '\r',
  '\t',
  '\f',
  '\v',
  '&#27;[2J',
  '&#x1b;]0;t&#7;',
  '&#155;31m',
  '&#0;',
  '&#xD800;',
  '&#38;lt;',
  '&amp;',
  '&lt;script&gt;',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u200b',
  '\u202e',
  'e\u0301',
  '🤷',
  '👩‍👩‍👧',
  '日本語',
  'ﷺ',
  '\u{10ffff}',
  'ðŸ¤·',
  'â€™',
  'Ã©',
  '{{< x >}}',
  '{% y %}',
  '{{ z }}',
  '<b>',
  '</div>',
  '<!--',
  '-->',
  '<script>alert(1)</script>',
  '[',
  ']',
  '(',
  ')',
  '*',
  '_',
  '~~',
  '`',
  '``',
  '\\',
  '#',
  '|',
  '>',
  '-',
  '+',
  '1.',
  '[x](#x)',
  '![i](x.png)',
);

/** Inline text: words, punctuation, emoji and hostile fragments, sometimes long. */
export const hostileInline = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), hostileFragment, fc.constant(' ')), { maxLength: 12 })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 16, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom('!!!', '???', '---', '🤷🤷', '***', '# # #', '', ' ', 'Demo', 'Demo') },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 3000 }).map((length) => 'long '.repeat(length / 5)) },
);

/** Container prefixes up to past the reader's nesting limit: quotes, bullets, numbers, indentation. */
const prefix = fc
  .array(fc.constantFrom('> ', '>', '- ', '* ', '1. ', '  ', '    ', '\t'), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** One line or a few of Markdown. */
export const hostileBlock = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), hostileInline).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.tuple(hostileInline, fc.constantFrom('===', '---', '-')).map(([text, rule]) => `${text}\n${rule}`),
  fc.tuple(prefix, hostileInline).map(([nesting, text]) => nesting + text),
  hostileInline,
  fc.constant(''),
  fc.constantFrom('```', '~~~', '````', '```mermaid', '    indented code'),
  fc
    .tuple(fc.constantFrom('```', '~~~', '```bash', '```mermaid'), hostileInline)
    .map(([fence, text]) => `${fence}\n${text}\n${fence.slice(0, 3)}`),
  fc.constant('```mermaid\nflowchart LR\n  A[start] --> B[end]\n```'),
  fc.tuple(hostileInline, hostileInline).map(([a, b]) => `| ${a} | ${b} |\n| --- | --- |\n| ${b} | ${a} |`),
  hostileInline.map((text) => `- **Presenters**: ${text}`),
  hostileInline.map((text) => `<div>${text}</div>`),
  fc.constantFrom('---', '+++', '***', '- [x](#x)', '- [ ] task', '1) one', '[ref]: https://example.com', '<!-- comment'),
);

/** A file's text: blocks with one kind of line ending or a mix, maybe a BOM, maybe front matter. */
export const hostileNotes = fc
  .record({
    blocks: fc.array(hostileBlock, { maxLength: 30 }),
    eol: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
    bom: fc.boolean(),
    frontMatter: fc.option(fc.tuple(fc.constantFrom('---', '+++'), hostileInline, fc.constantFrom('---', '+++', '')), { nil: undefined }),
    finalEol: fc.boolean(),
  })
  .map(({ blocks, eol, bom, frontMatter, finalEol }) => {
    const head = frontMatter ? [`${frontMatter[0]}\ntitle: ${frontMatter[1]}\n${frontMatter[2]}`] : [];
    const lines = [...head, ...blocks].join('\n').split('\n');
    const endings = ['\n', '\r\n', '\r'];
    const text = lines.map((line, i) => (i === 0 ? '' : eol === 'mixed' ? endings[i % 3] : eol) + line).join('');
    return `${bom ? '\ufeff' : ''}${text}${finalEol ? (eol === 'mixed' ? '\n' : eol) : ''}`;
  });
