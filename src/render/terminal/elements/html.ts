// Raw HTML from the notes is never passed on: read by an HTML parser (htmlparser2), its comments, scripts and
// styles dropped, its tags removed, the text kept with the line breaks and list items a browser would show.
import { Parser } from 'htmlparser2';
import type { Tokens } from 'marked';
import { decodeEntities } from '../../../core/markdown/plaintext.js';
import { templateSpans } from '../../../core/markdown/templates.js';
import type { RenderContext } from '../render-context.js';
import { wrapText } from '../../wrap.js';

/** Elements a browser starts on a line of their own. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'tr',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const HIDDEN = new Set(['script', 'style', 'template']);

/** Site template spans (a shortcode in an attribute) are the site's: out before the HTML is read. */
const withoutTemplates = (html: string): string => {
  let text = '';
  let at = 0;
  for (const { start, end } of templateSpans(html)) {
    text += html.slice(at, start);
    at = end;
  }
  return text + html.slice(at);
};

/** The text a browser would show of an HTML fragment: lines for blocks, `<br>` and list items, spaces collapsed. */
export function htmlText(html: string): string {
  let text = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
        else if (name === 'br' || BLOCKS.has(name)) text += '\n';
        else if (name === 'li') text += '\n• ';
        else if (name === 'td' || name === 'th') text += ' ';
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(hidden - 1, 0);
        else if (BLOCKS.has(name) || name === 'li') text += '\n';
      },
      ontext(data) {
        if (hidden === 0) text += data;
      },
    },
    // references are decoded by the core's rules, which never yield a control character (`&#27;` is no escape)
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(withoutTemplates(html));
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** A block of HTML: its text, wrapped line by line; nothing when it is only markup. */
export function renderHtmlBlock(token: Tokens.HTML | Tokens.Tag, context: RenderContext): string[] {
  const text = htmlText(token.text);
  return text ? text.split('\n').flatMap((line) => wrapText(context.paint('html')(line), context.width)) : [];
}

/** An inline tag or comment is markup: the text around it is what a reader sees; <br> breaks the line, a list item starts one. */
export const inlineHtml = (token: Tokens.HTML | Tokens.Tag): string => {
  const tag = token.raw.trim().toLowerCase();
  if (/^<br\s*\/?>$/.test(tag)) return '\n';
  return /^<li[\s>]/.test(tag) ? '\n• ' : '';
};
