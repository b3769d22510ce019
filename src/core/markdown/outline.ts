// The outline's reading of Markdown: every top-level heading, and after each the tokens the outline reads (a
// section's opening list of `**Key**: value` items, a table of contents). marked's lexer reads some 2 MB a second,
// so a large file is cut at headings marked would find anyway, and stretches that can hold nothing the outline
// reads are not lexed at all: only their heading line is.
import type { Token, Tokens } from 'marked';
import { plainSource } from './plaintext.js';
import { locateTokens, markdown, readInlines, type LocatedToken, type MarkdownLexer } from './tokens.js';

/**
 * Lines from one top-level ATX heading up to the next (or the text before the first heading), and how much of it
 * the outline must lex: its heading line alone when nothing else in it can be a heading or what the outline reads,
 * the heading and the list that opens the section when that list may be metadata, or all of it.
 */
interface Chunk {
  start: number;
  end: number;
  /** 1-based line the chunk starts on. */
  line: number;
  read: 'heading' | 'opening' | 'all';
  /** For `opening`: where a line at the margin after a blank line has surely ended the opening list. */
  openingEnd?: number;
}

/** A line that is a top-level heading wherever it stands, outside a fenced code block and an HTML block. */
const TOP_HEADING = /^#{1,6}(?=\s|$)/;
/** End a line for marked's `.` (a line with them may not be a heading, or even a line, as marked reads it). */
const ODD_LINE_END = /[\r\u2028\u2029]/;
const FENCE_OPEN = /^( {0,3})(`{3,}(?=[^`]*$)|~{3,})/;
const BLANK = /^[ \t]*$/;
/** After a blank line, a line that ends any list: not indented, not blank (marked trims any space), not an item. */
const LIST_ENDING = /^(?!(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$))\S/;
/** Lines that may start something other than text in marked's reading: a heading, HTML, a shortcode (a tab's label), a setext underline. */
const HEADING_OR_HTML = /^[ \t]*(?:#{1,6}(?=\s|$)|<|\{\{[<%])/;
const UNDERLINE = /^[ \t]*(?:=+|-+)[ \t]*$/;
/** An empty list item: a list of nothing else counts as a table of contents. */
const EMPTY_ITEM = /^[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]*$/;
/** A list item that may open `**Key**: value` metadata. */
const META_ITEM = /^ {0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+\*\*/;
/** A link to a heading, which a table of contents is made of. */
const ANCHOR_LINK = /\]\([\s<\\]*#/;

/** An ATX heading with text and no closing `#`s (a `#` in its text is left to marked). */
const SIMPLE_HEADING = /^(#{1,6})\s+([^#]*[^#\s][^#]*)$/;

/** The closing line of a fence, as marked reads it: the opening run, or longer, then only spaces. */
const fenceClose = (run: string): RegExp => new RegExp(`^ {0,3}${run}${run[0]}* *$`);

/**
 * The text cut before every line that must be a top-level heading: `#` at the start of a line outside a fence.
 * Only the heading of a chunk is read when its other lines cannot start a heading, HTML, a fence but at the margin,
 * an underline, or a table of contents (links to headings, or empty items); a list of `**Key**` items right after
 * the heading is read too. Fences at the
 * margin are followed to their end, so a `# comment` in code starts no chunk. Where this reading could differ from
 * marked's, the whole chunk is read, and marked checks where it ends.
 */
function cutAtHeadings(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunk: Chunk = { start: 0, end: text.length, line: 1, read: 'all' };
  let fenceEnd: RegExp | undefined;
  let previousBlank = true;
  let firstOfBody = false;
  let line = 1;
  const oddLineEnds = ODD_LINE_END.test(text);
  for (let at = 0; at < text.length; line++) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const content = text.slice(at, end);
    if (fenceEnd) {
      if (fenceEnd.test(content)) fenceEnd = undefined;
    } else if (TOP_HEADING.test(content) && !(oddLineEnds && ODD_LINE_END.test(content))) {
      if (at > 0) chunks.push(closeChunk(chunk, at, text));
      chunk = { start: at, end: text.length, line, read: 'heading' };
      firstOfBody = true;
      previousBlank = false;
      at = end + 1;
      continue;
    } else {
      const fence = FENCE_OPEN.exec(content);
      if (fence) fenceEnd = fenceClose(fence[2]);
      if (chunk.read === 'opening' && chunk.openingEnd === undefined && previousBlank && LIST_ENDING.test(content)) chunk.openingEnd = at;
      if (firstOfBody && META_ITEM.test(content) && chunk.read === 'heading') chunk.read = 'opening';
      const plain =
        !(fence && fence[1]) &&
        !(oddLineEnds && ODD_LINE_END.test(content)) &&
        !HEADING_OR_HTML.test(content) &&
        !(!previousBlank && UNDERLINE.test(content)) &&
        !EMPTY_ITEM.test(content);
      if (!plain) chunk.read = 'all';
    }
    previousBlank = BLANK.test(content);
    if (!previousBlank) firstOfBody = false;
    at = end + 1;
  }
  chunks.push(closeChunk(chunk, text.length, text));
  return chunks;
}

function closeChunk(chunk: Chunk, end: number, text: string): Chunk {
  chunk.end = end;
  if (chunk.read !== 'all' && ANCHOR_LINK.test(text.slice(chunk.start, end))) chunk.read = 'all';
  return chunk;
}

/** A chunk's first line, with its line end: the heading that starts it. */
function headingLine(text: string, chunk: Chunk): string {
  const end = text.indexOf('\n', chunk.start);
  return end === -1 || end >= chunk.end ? text.slice(chunk.start, chunk.end) : text.slice(chunk.start, end + 1);
}

/**
 * The top-level tokens of `text` (Markdown with \n line ends, starting on `firstLine`) that the outline reads, each
 * with its line: every heading, and the other tokens of the chunks read beyond their heading. Inline tokens are read
 * only in headings and list items. Link reference definitions count across the whole text, so text with any is lexed whole.
 */
export function outlineTokens(text: string, firstLine: number): LocatedToken[] {
  const lexer = new markdown.Lexer(markdown.defaults);
  const chunks: Chunk[] = text.includes(']:') ? [{ start: 0, end: text.length, line: 1, read: 'all' }] : cutAtHeadings(text);
  const located: LocatedToken[] = [];
  // the headings, and the lists that may be a table of contents: all that needs inline tokens (metadata reads its text)
  const inlined: Token[] = [];
  for (let i = 0; i < chunks.length;) {
    const chunk = chunks[i];
    const opening = chunk.read === 'opening' ? lexOpening(lexer, text, chunk) : undefined;
    if (chunk.read === 'heading' || opening) {
      const tokens = opening ?? headingTokens(lexer, headingLine(text, chunk));
      located.push(...locateTokens(tokens, text.slice(chunk.start, chunk.end), firstLine + chunk.line - 1));
      inlined.push(tokens[0]);
      i++;
      continue;
    }
    // lexed with the next heading line after it: if marked reads that line as a heading of its own, nothing in the
    // chunk reached past it (an unclosed fence or HTML block would have taken it in); if not, take more chunks
    for (let count = 1; ; count = Math.min(count * 2, chunks.length - i)) {
      const next = chunks[i + count];
      const source = text.slice(chunk.start, next ? next.start : text.length);
      const probe = next ? headingLine(text, next) : '';
      const tokens = lexer.blockTokens(source + probe, []);
      const last = tokens.at(-1);
      if (next && !(last?.type === 'heading' && last.raw === probe)) continue;
      if (next) tokens.pop();
      located.push(...locateTokens(tokens, source, firstLine + chunk.line - 1));
      inlined.push(...tokens);
      i += count;
      break;
    }
  }
  readOutlineInlines(lexer, inlined);
  return located;
}

/** A heading line's tokens: made here when its text holds no markup, which is most headings, else lexed. */
function headingTokens(lexer: MarkdownLexer, line: string): Token[] {
  const simple = SIMPLE_HEADING.exec(line.trimEnd());
  const text = simple ? plainSource(simple[2].trim()) : undefined;
  if (!simple || text === undefined) return lexer.blockTokens(line, []);
  return [{ type: 'heading', raw: line, depth: simple[1].length, text, tokens: [{ type: 'text', raw: text, text }] }];
}

/**
 * The tokens of a chunk's heading and opening list: lexed up to the line that ends the list and that line, whose
 * token is left out. Undefined if marked read that line into the list after all, or no such line was found.
 */
function lexOpening(lexer: MarkdownLexer, text: string, chunk: Chunk): Token[] | undefined {
  if (chunk.openingEnd === undefined) return undefined;
  const lineEnd = text.indexOf('\n', chunk.openingEnd);
  const source = text.slice(chunk.start, lineEnd === -1 || lineEnd >= chunk.end ? chunk.end : lineEnd + 1);
  const tokens = lexer.blockTokens(source, []);
  let offset = 0;
  const before = tokens.findIndex((token) => (offset += token.raw.length) >= chunk.openingEnd! - chunk.start);
  return offset === chunk.openingEnd - chunk.start ? tokens.slice(0, before + 1) : undefined;
}

/**
 * Inline tokens only in the headings and list items of `tokens`: reading every paragraph's inline Markdown is most of
 * the cost of a large folder. Tokens lexed and then left out (a probe, a line after a list) stay unread.
 */
function readOutlineInlines(lexer: MarkdownLexer, tokens: Token[]): void {
  const wanted = new Set<Token[]>();
  const wantListItems = (list: Tokens.List): void => {
    for (const item of list.items) {
      for (const token of item.tokens) {
        if (token.type === 'list') wantListItems(token as Tokens.List);
        else if ('tokens' in token && token.tokens) wanted.add(token.tokens);
      }
    }
  };
  for (const token of tokens) {
    if (token.type === 'heading') wanted.add((token as Tokens.Heading).tokens);
    else if (token.type === 'list') wantListItems(token as Tokens.List);
  }
  readInlines(lexer, wanted);
}
