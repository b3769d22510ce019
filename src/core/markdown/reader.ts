// The one Markdown reading of the core: GitHub-flavoured, site template spans and wiki links as tokens, character
// references that never yield a control character, and nesting and paragraph sizes kept to what marked reads in
// bounded time and stack (marked recurses once per level of nesting and copies each level's text).
import { Marked, Tokenizer, type Tokens } from 'marked';
import { referencedCharacter } from './plaintext.js';
import { bangAdmonition, colonAdmonition, quoteCallout } from '../dialects/admonitions.js';
import { headingSourceId, headingTitle } from '../dialects/heading-ids.js';
import { hugoBlockShortcode, hugoHtmlTag, hugoRefLink } from '../dialects/hugo.js';
import { blockIdMarker } from '../dialects/obsidian.js';
import { templateTokenizer } from './templates.js';
import { wikiLinkTokenizer } from './wikilinks.js';

/** Characters of a line's container prefix (indentation, `>`, list markers) read as nesting: 50 to 100 levels. */
export const MAX_NESTING_PREFIX = 64;
/** Levels of emphasis, strikethrough and links inside each other read as such; deeper, their markers are text. */
export const MAX_INLINE_NESTING = 20;

const NUMERIC_REFERENCE = /&#(?:(\d{1,7})|[Xx]([0-9A-Fa-f]{1,6}));/g;

/**
 * A text token's numeric references decoded as the core decodes them: marked alone turns `&#27;` into ESC. A reference
 * that names no printable character stays as written (`&amp;` so that no later decoding reads it), and so does
 * `&#38;`, so that `&#38;lt;` is never read twice.
 */
const decodeNumericReferences = (raw: string): string =>
  raw.replace(NUMERIC_REFERENCE, (whole, decimal: string | undefined, hex: string | undefined) => {
    const code = decimal === undefined ? Number.parseInt(hex!, 16) : Number.parseInt(decimal, 10);
    return code === 38 ? '&amp;' : (referencedCharacter(code) ?? `&amp;${whole.slice(1)}`);
  });

/** A line may be too deep only if it opens with this many prefix characters (a test that never backtracks far). */
const MAYBE_TOO_DEEP = new RegExp(`^[ \\t>*+\\-.)0-9]{${MAX_NESTING_PREFIX}}`, 'm');

/** Where the container prefix of the line starting at `from` ends: spaces, tabs, `>`, and list markers before a blank. */
function prefixEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const char = text[at];
    if (char === ' ' || char === '\t' || char === '>') {
      at++;
      continue;
    }
    let end = at;
    if (char === '-' || char === '+' || char === '*') end++;
    else {
      while (end - at < 9 && text[end] >= '0' && text[end] <= '9') end++;
      if (end === at || (text[end] !== '.' && text[end] !== ')')) return at;
      end++;
    }
    if (text[end] !== ' ' && text[end] !== '\t' && text[end] !== '\n' && end !== text.length) return at;
    at = end;
  }
}

/**
 * Text whose lines open no more containers than MAX_NESTING_PREFIX characters hold: markers and indentation past it
 * are dropped, so a 5,000-deep quote or list is read to a depth of 50–100 with the rest of each line as its text.
 * Only a line's content changes, never its line breaks, so lines keep their numbers.
 */
export function limitNesting(text: string): string {
  if (!MAYBE_TOO_DEEP.test(text)) return text;
  const lines: string[] = [];
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    const prefix = prefixEnd(text, start);
    // indentation alone is not nesting (code indented that far keeps it); a marker past the limit is
    const deep = prefix - start > MAX_NESTING_PREFIX && /[^ \t]/.test(text.slice(start + MAX_NESTING_PREFIX, prefix));
    lines.push(deep ? text.slice(start, start + MAX_NESTING_PREFIX) + text.slice(prefix, end) : text.slice(start, end));
    if (newline === -1) break;
    start = end;
  }
  return lines.join('');
}

let inlineDepth = 0;

/** An inline rule that reads nested inline Markdown, refused past MAX_INLINE_NESTING levels: its marker is then text. */
function nestedAtMost<T>(read: () => T): T | undefined {
  if (inlineDepth >= MAX_INLINE_NESTING) return undefined;
  inlineDepth++;
  try {
    return read();
  } finally {
    inlineDepth--;
  }
}

/** A setext heading's underline: `===` or `---` alone on its line. */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/**
 * Lines a setext heading's text never runs across, as marked's own rule says: a blank line, an ATX heading, a list
 * item, a fence, a quote or a thematic break.
 */
const ENDS_SETEXT_TEXT =
  /^(?:\s*$| {0,3}(?:#{1,6}(?:\s|$)|(?:[*+-]|\d{1,9}[.)]) |`{3,}|~{3,}|>|(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$))/;

/**
 * Can marked read a setext heading at the start of `src`? Only if an underline follows its first line before the
 * paragraph ends. Most paragraphs have none, and then marked's rule (slow to compile, and slow on a long paragraph)
 * is not run at all.
 */
export function maySetextHeading(src: string): boolean {
  for (let start = src.indexOf('\n') + 1; start > 0;) {
    const end = src.indexOf('\n', start);
    const line = src.slice(start, end === -1 ? undefined : end);
    if (SETEXT_UNDERLINE.test(line)) return true;
    if (ENDS_SETEXT_TEXT.test(line)) return false;
    start = end + 1;
  }
  return false;
}

/** A table's delimiter row: dashes, with colons, pipes and spaces (`|---|:--:|`). */
const TABLE_DELIMITER_ROW = /^[ |:-]*-[ |:-]*$/;

/**
 * Can marked read a table at the start of `src`? Only if its second line is a delimiter row. Most blocks are no
 * table, and then marked's rule (slow to compile) is not run at all.
 */
export function mayTable(src: string): boolean {
  const start = src.indexOf('\n') + 1;
  if (start === 0) return false;
  const end = src.indexOf('\n', start);
  return TABLE_DELIMITER_ROW.test(src.slice(start, end === -1 ? undefined : end));
}

// made once: a literal in a function is a new object each call, and these are asked of every block
const OPENS_WITH_TAG = /^ {0,3}</;
const OPENS_WITH_QUOTE = /^ {0,3}>/;

/** Can marked read an HTML block at the start of `src`? Only if it opens with `<` (marked's rule is slow to compile). */
export const mayHtmlBlock = (src: string): boolean => OPENS_WITH_TAG.test(src);

/** Can marked read a quote at the start of `src`? Only if it opens with `>` (marked's rule is slow to compile). */
export const mayQuote = (src: string): boolean => OPENS_WITH_QUOTE.test(src);

/**
 * marked's setext-heading and link-definition rules backtrack once per character of a paragraph and overflow on one
 * of millions (a 10 MB line): such a paragraph is no heading and no definition, and is read as the paragraph it is.
 */
function unlessTooLong<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * A quote as marked reads it, but where marked's own reading throws: a quote inside a list item whose list goes on
 * with a lazy line (`- **Key**: ` then `  > -` then text) makes it read a list that is not there. That quote is read
 * as its lines without their `>`, which is what it holds.
 */
function quoteAsItsLines(this: Tokenizer, src: string): Tokens.Blockquote | undefined {
  if (!mayQuote(src)) return undefined;
  try {
    return Tokenizer.prototype.blockquote.call(this, src);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const match = this.rules.block.blockquote.exec(src);
    if (!match) return undefined;
    const text = match[0].replace(/^ {0,3}> ?/gm, '');
    return { type: 'blockquote', raw: match[0], text, tokens: this.lexer.blockTokens(text, []) };
  }
}

/** A heading token whose `{#id}` attribute gave it its anchor. */
export type HeadingWithId = Tokens.Heading & { anchorId?: string };

export const markdown = new Marked({
  gfm: true,
  // marked tries the extensions last given first: the site dialects' own syntax (dialects/) before the template
  // spans and wiki links it would otherwise be read as
  extensions: [
    templateTokenizer,
    wikiLinkTokenizer,
    hugoBlockShortcode,
    quoteCallout,
    colonAdmonition,
    bangAdmonition,
    hugoRefLink,
    hugoHtmlTag,
    blockIdMarker,
  ],
  tokenizer: {
    inlineText(src) {
      const token = Tokenizer.prototype.inlineText.call(this, src);
      if (token && !token.escaped && token.raw.includes('&#')) token.text = decodeNumericReferences(token.raw);
      return token;
    },
    emStrong(src, masked, previous) {
      return nestedAtMost(() => Tokenizer.prototype.emStrong.call(this, src, masked, previous));
    },
    del(src, masked, previous) {
      return nestedAtMost(() => Tokenizer.prototype.del.call(this, src, masked, previous));
    },
    link(src) {
      return nestedAtMost(() => Tokenizer.prototype.link.call(this, src));
    },
    reflink(src, links) {
      return nestedAtMost(() => Tokenizer.prototype.reflink.call(this, src, links));
    },
    // a heading's `{#id}` attribute (Hugo, MkDocs) names its anchor and is not part of its title
    heading(src) {
      const token = Tokenizer.prototype.heading.call(this, src);
      const title = token && headingTitle(token.text);
      const queued = this.lexer.inlineQueue.at(-1);
      if (token && title?.id !== undefined && queued?.tokens === token.tokens) token.text = queued.src = title.title;
      const id = token && headingSourceId(token.raw);
      if (token && id !== undefined) (token as HeadingWithId).anchorId = id;
      return token;
    },
    lheading(src) {
      if (!maySetextHeading(src)) return undefined;
      return unlessTooLong(() => Tokenizer.prototype.lheading.call(this, src));
    },
    table(src) {
      return mayTable(src) ? Tokenizer.prototype.table.call(this, src) : undefined;
    },
    html(src) {
      return mayHtmlBlock(src) ? Tokenizer.prototype.html.call(this, src) : undefined;
    },
    def(src) {
      return unlessTooLong(() => Tokenizer.prototype.def.call(this, src));
    },
    blockquote: quoteAsItsLines,
  },
});
