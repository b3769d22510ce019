// Character references (&#27;, &#x9b;) are a way round safeText: no reference may decode to a control character.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseDocument } from '../src/core/markdown/parse.js';
import { decodeEntities } from '../src/core/markdown/plaintext.js';
import { TERMINAL_CONTROL as CONTROL, withoutOwnEscapes } from './helpers/escapes.js';
import { render, renderColour } from './helpers/render.js';

describe('numeric character references', () => {
  test.each([
    ['a paragraph', 'clear &#27;[2J and &#x1B;]0;title&#7; and C1 &#x9b;31m'],
    ['a heading', '## Title &#27;[31mred'],
    ['a list item', '- item &#27;[31m &#8;&#8;'],
    ['a quote', '> quoted &#x1b;[7m'],
    ['a table cell', '| a &#27;[1m |\n| --- |\n| &#155;7m |'],
    ['a link text and title', '[x &#27;[1m](https://example.com "t &#27;[1m") and <https://example.com/&#27;>'],
    ['an image alt text', '![alt &#27;[2J](/img.png)'],
    ['raw HTML', '<div>block &#27;[5m</div>\n\ninline <b>&#x1b;[5m</b>'],
    ['emphasis', '*em &#27;[1m* **strong &#13;cr** ~~del &#127;~~'],
  ])('in %s, rendered, none reaches the terminal', async (_where, markdown) => {
    for (const output of [await render(markdown), withoutOwnEscapes(await renderColour(markdown))]) {
      expect(output).not.toMatch(CONTROL);
      expect(output).toContain('&#'); // left as written, so the reader sees what the notes say
    }
  });

  test('a title keeps a reference to a control as written, and decodes the rest as a browser does', () => {
    const [section] = parseDocument('## A &#27;[2J &#x9b; &#150; &#65; &#38;lt; &#0; &#xD800;\n', 'x.md').sections;
    expect(section.title).toBe('A &#27;[2J › – A &lt; &#0; &#xD800;');
  });

  test('a reference in code stays as written', async () => {
    expect(await render('`&#27;` and\n\n```\n&#27;[2J\n```')).toMatch(/&#27; and[\s\S]*&#27;\[2J/);
  });

  test('property: decodeEntities never yields a control character, and decodes every other code point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x11ffff }), fc.boolean(), (code, hex) => {
        const reference = hex ? `&#x${code.toString(16)};` : `&#${code};`;
        const decoded = decodeEntities(reference);
        expect(decoded).not.toMatch(CONTROL);
        const printable = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) && !CONTROL.test(String.fromCodePoint(code));
        if (printable) expect(decoded).toBe(String.fromCodePoint(code));
      }),
    );
  });
});
