// Markdown tokens → the text a reader sees, with markup, links' targets and raw HTML removed.
import type { Token, Tokens } from 'marked';
import { decodeWindows1252 } from './decode.js';
import { calloutLabel, CALLOUT_TOKEN, type CalloutToken } from '../dialects/callouts.js';
import { SHORTCODE_TOKEN, type ShortcodeToken } from '../dialects/hugo.js';
import { BLOCK_ID_TOKEN } from '../dialects/obsidian.js';
import { isShortcodeSpan } from '../dialects/shortcodes.js';
import { TEMPLATE_TOKEN } from './templates.js';
import { WIKI_LINK_TOKEN } from './wikilinks.js';

export interface PlainTextOptions {
  /** Leave out site template spans (`{{< ref >}}`, `{% include %}`): they are markup, not prose to search. */
  omitTemplates?: boolean;
  /** A wiki link as a reader sees it (its alias or target), not as written: for prose, not for a heading's id. */
  wikiText?: boolean;
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** What a terminal would act on: C0 controls but tab and line feed, DEL, and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * The character a numeric reference names, read as a browser reads it (`&#150;` is Windows-1252's –), or undefined
 * for a control character, a lone surrogate or no character at all: the notes cannot reach a terminal through `&#27;`.
 */
export function referencedCharacter(code: number): string | undefined {
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  const char = code >= 0x80 && code < 0xa0 ? decodeWindows1252(Uint8Array.of(code)) : String.fromCodePoint(code);
  return CONTROL.test(char) ? undefined : char;
}

/** Decodes the named and numeric character references that survive in marked's text tokens; see referencedCharacter. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return referencedCharacter(code) ?? whole;
    }
    return HTML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Characters and sequences after which marked's inline lexer (GitHub-flavoured, with template spans) may make
 * anything but text, or this module decode anything: escapes, code, emphasis, strikethrough, links, images, HTML,
 * autolinks and bare URLs and e-mail addresses, template spans, character references, hard line breaks.
 */
const INLINE_MARKUP = /[\\`*_~[\]<>!{}@^]|&[#a-z]|:\/\/|www\.| {2}\n/i;

/**
 * The plain text of inline Markdown source that holds no markup at all: the source itself, which is most headings
 * and metadata values, read without lexing; undefined for anything else.
 */
export const plainSource = (source: string): string | undefined => (INLINE_MARKUP.test(source) ? undefined : source);

/** A token's text, or its source where it has none. */
const textOf = (token: Token): string => ('text' in token && typeof token.text === 'string' ? token.text : token.raw);

/** Plain text of inline tokens (a heading's, a paragraph's); template spans are kept as written unless omitted. */
export function inlineText(tokens: Token[] | undefined, options: PlainTextOptions = {}): string {
  if (!tokens) return '';
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'html':
        break; // raw inline HTML is markup, not text
      case TEMPLATE_TOKEN:
        // a Hugo shortcode is replaced by the site: never text; other template syntax is kept unless omitted
        if (!options.omitTemplates && !isShortcodeSpan(token.raw)) text += token.raw;
        break;
      case BLOCK_ID_TOKEN:
        break; // Obsidian hides a block's id
      case WIKI_LINK_TOKEN:
        // as written, brackets and all, by default: a heading's id is GitHub's, which reads no wiki links
        text += decodeEntities(options.wikiText ? token.text : token.raw);
        break;
      case 'br':
        text += ' ';
        break;
      case 'codespan':
      case 'escape':
        text += token.text;
        break;
      case 'image':
        text += (token as Tokens.Image).text;
        break;
      default:
        text += 'tokens' in token && token.tokens ? inlineText(token.tokens, options) : decodeEntities(textOf(token));
    }
  }
  return text;
}

/** Plain text of block tokens: blocks separated by newlines, list items on lines of their own, wiki links as read. */
export function blockText(tokens: Token[] | undefined, given: PlainTextOptions = {}): string {
  if (!tokens) return '';
  const options = { ...given, wikiText: true };
  const parts: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'html':
        break;
      case 'code':
        parts.push(token.text);
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) parts.push(blockText(item.tokens, options));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) parts.push(row.map((cell) => inlineText(cell.tokens, options)).join(' | '));
        break;
      }
      case 'blockquote':
        parts.push(blockText((token as Tokens.Blockquote).tokens, options));
        break;
      case CALLOUT_TOKEN:
        parts.push(calloutLabel(token as CalloutToken), blockText((token as CalloutToken).tokens, options));
        break;
      case SHORTCODE_TOKEN:
        parts.push((token as ShortcodeToken).tab ?? '');
        break;
      case 'text':
        // a list item's text holds inline tokens, or block tokens when the item is loose
        parts.push('tokens' in token && token.tokens ? inlineText(token.tokens, options) : decodeEntities(token.text));
        break;
      default:
        parts.push('tokens' in token && token.tokens ? inlineText(token.tokens, options) : decodeEntities(textOf(token)));
    }
  }
  return parts.filter((part) => part !== '').join('\n');
}
