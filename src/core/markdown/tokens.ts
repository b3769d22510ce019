// Lexing with the one Markdown reading of the core (see reader.ts), and the line each token starts on.
import type { Lexer, Token } from 'marked';
import { limitNesting, markdown } from './reader.js';
import { plainSource } from './plaintext.js';
import { templateBlocksAsFences } from './templates.js';

export { markdown } from './reader.js';

export type MarkdownLexer = Lexer;

/**
 * Markdown whose lines end in \n, as the core reads it: site template code blocks as code, template spans and wiki
 * links as tokens, nesting no deeper than marked reads in bounded time.
 */
export const lexMarkdown = (normalized: string): Token[] => lexTokens(limitNesting(templateBlocksAsFences(normalized)));

/**
 * marked's lexer on Markdown whose lines end in \n, with the inline Markdown of each block read as marked reads it,
 * but without lexing text that holds no markup, which is most text: its one text token is made here.
 */
export function lexTokens(source: string): Token[] {
  const lexer = new markdown.Lexer(markdown.defaults);
  const tokens = lexer.blockTokens(source, lexer.tokens);
  readInlines(lexer);
  return tokens;
}

/** Inline Markdown that is one link with a simple target: `[Helm](#helm)`, a table of contents' item. */
const LINK = /^\[([^[\]\n]+)\]\(([\w#./~-]+)\)$/;

/**
 * Fills in the inline tokens of the blocks lexed (only of those `wanted`, if given), as marked's `lex` does after
 * its blocks; text without markup, and a link of plain text to a simple target, are made here as marked makes them.
 */
export function readInlines(lexer: MarkdownLexer, wanted?: Set<Token[]>): void {
  for (const { src, tokens } of lexer.inlineQueue) {
    if (wanted && !wanted.has(tokens)) continue;
    const plain = plainSource(src);
    if (plain !== undefined) {
      if (plain) tokens.push({ type: 'text', raw: plain, text: plain, escaped: false });
      continue;
    }
    const link = LINK.exec(src);
    const text = link ? plainSource(link[1]) : undefined;
    if (link && text) {
      tokens.push({
        type: 'link',
        raw: src,
        href: link[2],
        title: null,
        text,
        tokens: [{ type: 'text', raw: text, text, escaped: false }],
      });
      continue;
    }
    lexer.state.inRawBlock = false; // an inline <pre> left open ends with its block
    lexer.inlineTokens(src, tokens);
  }
  lexer.inlineQueue = [];
}

export interface LocatedToken {
  token: Token;
  line: number;
}

/**
 * Tokens lexed from `source` (which starts on `firstLine`), each with the line it starts on. Also for a list's items
 * in the list's raw and an item's children in the item's text, whose lines match the source's one for one.
 */
export function locateTokens(tokens: Token[], source: string, firstLine: number): LocatedToken[] {
  const located: LocatedToken[] = [];
  let offset = 0;
  let line = firstLine;
  for (const token of tokens) {
    // marked's raws tile the source; search forward only if a future marked ever drops a character
    const at = source.startsWith(token.raw, offset) ? offset : source.indexOf(token.raw, offset);
    if (at > offset) line += countNewlines(source, offset, at);
    if (at >= offset) offset = at;
    located.push({ token, line });
    line += countNewlines(token.raw, 0, token.raw.length);
    offset += token.raw.length;
  }
  return located;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
