// Raw HTML read by an HTML parser (htmlparser2), not by patterns: what a browser would show of it.
import { describe, expect, test } from '@jest/globals';
import { htmlIds } from '../src/core/links/html-anchors.js';
import { htmlText } from '../src/render/terminal/elements/html.js';

describe('htmlText', () => {
  test('an attribute holding > ends no tag; a shortcode in an attribute leaves nothing behind', () => {
    expect(htmlText('<a title="a > b" href="x">Card</a>')).toBe('Card');
    expect(htmlText('<a href="{{< ref "x" >}}" class="stretched-link">Card</a>')).toBe('Card');
  });

  test('list items, <br> and blocks are lines; <details> shows its summary and body', () => {
    expect(htmlText('<ul><li>a</li><li>b</li></ul>')).toBe('• a\n• b');
    expect(htmlText('one<br>two')).toBe('one\ntwo');
    expect(htmlText('<details><summary>More</summary><p>Body</p></details>')).toBe('More\nBody');
  });

  test('entities are decoded, never into a control character; comments, scripts and styles are dropped', () => {
    expect(htmlText('a &amp; b &#27;[31m')).toBe('a & b &#27;[31m');
    expect(htmlText('<!-- note --><script>x()</script><style>p{}</style>text')).toBe('text');
  });
});

test('htmlIds: id and name attributes as a browser parses them, quotes and all', () => {
  expect(htmlIds('<a name="top"></a><div id=\'x>y\' class="c"><span id=plain>')).toEqual(['top', 'x>y', 'plain']);
});
