// Whatever the notes' raw HTML holds, the export page has no script, handler, javascript: or data: URL (but images),
// frame, object, form or style from them, and every tag is closed within its piece of the notes.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { buildCollection } from '../src/core/notes/collection.js';
import { decodeEntities } from '../src/core/markdown/plaintext.js';
import { renderHtmlPage } from '../src/render/html/page.js';
import { imageAttributes, sanitizeFragment } from '../src/render/html/sanitize.js';

/** The notes' part of the page (the page's own head has a <style>, which notes may not add). */
function exported(markdown: string): string {
  const collection = buildCollection([{ file: 'hostile.md', bytes: Buffer.from(`# Hostile\n\n## Section\n\n${markdown}\n`) }]);
  const page = renderHtmlPage(collection);
  return page.slice(page.indexOf('<main>'), page.indexOf('</main>'));
}

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Everything that would let a page run code, send a request or take input. */
const DANGER =
  /<\/?(script|style|iframe|frame|object|embed|form|input|button|textarea|select|svg|math|base|meta|link)\b|\son\w+\s*=|javascript:|vbscript:|\sstyle\s*=|expression\(|data:(?!image\/(png|gif|jpeg|webp|avif|bmp)[;,])/i;

describe("the notes' raw HTML in an export", () => {
  test.each([
    ['script', '<script>alert(1)</script>'],
    ['script, upper case and split', '<SCRIPT src="https://evil.example/x.js"></SCRIPT><scr<script>ipt>alert(1)</script>'],
    ['onerror', '<img src=x onerror=alert(1)>'],
    ['other handlers', '<p onclick="alert(1)" onmouseover=alert(1)>text</p><details open ontoggle=alert(1)>'],
    ['javascript: link in HTML', '<a href="javascript:alert(1)">x</a> <a href="JaVaScRiPt:alert(1)">y</a>'],
    [
      'javascript: link hidden by entities and whitespace',
      '<a href="java&#x09;script:alert(1)">x</a> <a href=" &#106;avascript:alert(1)">y</a>',
    ],
    ['javascript: link in Markdown', '[click](javascript:alert(1)) and ![img](javascript:alert(1))'],
    ['iframe', '<iframe src="https://evil.example/"></iframe><iframe srcdoc="<script>alert(1)</script>">'],
    ['style attribute with an expression', '<div style="width: expression(alert(1)); background: url(javascript:alert(1))">x</div>'],
    ['style element', '<style>body { background: url("https://evil.example/track.png") }</style>'],
    ['SVG with script', '<svg><script>alert(1)</script><circle onload="alert(1)"/></svg><svg/onload=alert(1)>'],
    [
      'data: URLs that are not images',
      '<a href="data:text/html,<script>alert(1)</script>">x</a> <img src="data:image/svg+xml,<svg onload=alert(1)>"> [x](data:text/html;base64,PHNjcmlwdD4=)',
    ],
    [
      'forms',
      '<form action="https://evil.example/"><input name="q"><button>go</button><select><option>a</option></select><textarea>t</textarea></form>',
    ],
    ['objects and embeds', '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">'],
    [
      'base, meta and link',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">',
    ],
    ['mutation XSS through noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
    [
      'mutation XSS through math and style',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    ],
  ])('%s: removed', (_name, html) => {
    const main = exported(html);
    expect(main).not.toMatch(DANGER);
    // as a browser reads a URL: entities decoded, whitespace and controls inside the scheme ignored
    expect(decodeEntities(main).replace(/[\u0000-\u0020]/g, '')).not.toMatch(/javascript:|vbscript:/i);
    expect(main).not.toContain('alert(1)</');
  });

  test('a control character named by a reference stays a reference: the page can be printed or piped to a terminal', () => {
    const main = exported('<div title="&#x1b;]0;t&#7;">raw &#27;[2J&#155;31m</div>\n\n<b>&#x1B;[5m</b>');
    expect(main).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(main).toContain('raw &#27;[2J›31m'); // &#155; is Windows-1252's ›, as in a browser
  });

  test('what is safe stays: formatting, links to the web, embedded images, details', () => {
    const main = exported(
      `<details><summary>More</summary>\n\n<kbd>Ctrl</kbd> <sup>2</sup> <a href="https://kubernetes.io/" title="k8s">k8s</a> <img src="${PNG}" alt="dot">\n\n</details>`,
    );
    expect(main).toContain('<details><summary>More</summary>');
    expect(main).toContain('<kbd>Ctrl</kbd> <sup>2</sup> <a href="https://kubernetes.io/" title="k8s">k8s</a>');
    expect(main).toContain(`<img src="${PNG}" alt="dot" />`);
  });

  test('an unclosed tag is closed within its own file: the next file is not inside it', () => {
    const collection = buildCollection([
      { file: 'a.md', bytes: Buffer.from('# A\n\n<div><a href="https://example.com/"><b>never closed\n') },
      { file: 'b.md', bytes: Buffer.from('# B\n\ntext of b\n') },
    ]);
    const page = renderHtmlPage(collection);
    const [first, second] = page.split('<article>').slice(1);
    expect(first).toMatch(/<b>never closed\n?<\/b><\/a><\/div><\/article>/);
    expect(second).toBe('\n<h1 id="b">B</h1>\n<p>text of b</p>\n</article>\n</main>\n</body>\n</html>\n');
  });

  test("a class a note sets is dropped; only the renderer's own classes stay", () => {
    expect(sanitizeFragment('<span class="hljs-string evil">x</span><p class="toc note">y</p>')).toBe(
      '<span class="hljs-string">x</span><p class="note">y</p>',
    );
  });
});

describe('images', () => {
  test('kept with their source only when it needs no request elsewhere: embedded, or a file beside the page', () => {
    expect(imageAttributes({ src: PNG, alt: 'dot' })).toEqual({ src: PNG, alt: 'dot' });
    expect(imageAttributes({ src: 'images/arch.png', alt: '' })).toEqual({ src: 'images/arch.png', alt: '' });
  });

  test('web and site-root images keep their <img> and alt text (else the file name) but not their source', () => {
    expect(imageAttributes({ src: 'https://example.com/a/arch%20v2.png?x=1', alt: '' })).toEqual({
      alt: 'arch v2.png',
      title: 'not embedded: https://example.com/a/arch%20v2.png?x=1',
    });
    expect(imageAttributes({ src: '/assets/images/dev-workflow.png', alt: 'The workflow', title: 'Dev' })).toEqual({
      alt: 'The workflow',
      title: 'Dev',
    });
    expect(imageAttributes({ src: '//cdn.example/x.png' })).toEqual({ alt: 'image', title: 'not embedded' });
    expect(imageAttributes({ src: 'javascript:alert(1)' })).toEqual({ alt: 'image', title: 'not embedded' });
  });
});

describe('for any mix of hostile fragments', () => {
  const FRAGMENTS = [
    '<script>',
    '</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">',
    '</a>',
    '<iframe>',
    '<svg>',
    '<svg/onload=alert(1)>',
    '<style>',
    '</style>',
    '<div style="x:expression(alert(1))">',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '"',
    "'",
    '>',
    '<',
    '&#x3C;',
    '&lt;script&gt;',
    '<noscript>',
    '</noscript>',
    '<p title="',
    '<math>',
    '<mglyph>',
    '<table>',
    '<textarea>',
    '</textarea>',
    '<form>',
    '<object data=x>',
    'javascript:',
    'data:text/html,',
    '<a href="data:text/html,x">',
    'text',
    '\n',
    '\n\n',
    '```',
    '# ',
    '[x](',
    ')',
    '<b>',
    '</b>',
    '<details>',
  ];
  /** Every tag of the output: its name and attribute names, as the sanitiser writes them. */
  const TAG = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"<]*")?)*)\s*\/?>/g;

  const TAGS = [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'div',
    'span',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'a',
    'img',
    'em',
    'strong',
    'b',
    'del',
    'details',
    'summary',
    'main',
    'article',
  ];
  const ATTRIBUTES = ['id', 'href', 'title', 'src', 'alt', 'class', 'open', 'start', 'align', 'colspan', 'rowspan', 'width', 'height'];

  test("every tag in the page's notes is on the allowlist, with allowed attributes and URLs; any other `<` is text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }), (parts) => {
        const main = exported(parts.join(''));
        expect(main.replace(TAG, '')).not.toMatch(/<[a-z!/?]/i);
        for (const [, , name, attributes] of main.matchAll(TAG)) {
          expect(TAGS).toContain(name);
          for (const [, attribute, value = ''] of attributes.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)) {
            expect(ATTRIBUTES).toContain(attribute);
            // an allowed scheme, or none: a relative URL may hold a colon later on (`div%20style=%22x:…`)
            const url = decodeEntities(value).replace(/[\u0000-\u0020]/g, '');
            if (attribute === 'href' || attribute === 'src')
              expect(url).toMatch(/^(?:https?:|mailto:|#|data:image\/png;|(?![a-z][a-z0-9+.-]*:))/i);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
