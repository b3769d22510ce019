// A callout (an admonition, an alert): a labelled box of Markdown, whichever site dialect wrote it. Each dialect's
// tokenizer finds its own syntax and hands the parts here, so every reader of the tokens sees one kind of token.
import type { Lexer, Token, Tokens } from 'marked';

/** The token type the lexer gives a callout. */
export const CALLOUT_TOKEN = 'callout';

export interface CalloutToken extends Tokens.Generic {
  type: typeof CALLOUT_TOKEN;
  raw: string;
  /** The kind as written, lowercased: `note`, `warning`, `tip`… */
  kind: string;
  /** The title written after the kind, or '' (readers show the kind then). */
  title: string;
  /** Obsidian's `+`/`-` and MkDocs's `???`: the site folds it (open at first for `+`); shown open here. */
  foldable: boolean;
  /** The body's Markdown with the dialect's markers removed line for line; its first line is the line after the opener. */
  text: string;
  tokens: Token[];
}

/** A callout token whose body is lexed by the same lexer (its inline text is read with the rest of the file). */
export function calloutToken(
  lexer: Lexer,
  raw: string,
  parts: { kind: string; title: string; foldable?: boolean; body: string },
): CalloutToken {
  return {
    type: CALLOUT_TOKEN,
    raw,
    kind: parts.kind.toLowerCase(),
    title: parts.title.trim(),
    foldable: parts.foldable ?? false,
    text: parts.body,
    tokens: lexer.blockTokens(parts.body, []),
  };
}

/** The label a reader sees on a callout: its title, or its kind capitalised. */
export const calloutLabel = (token: CalloutToken): string => token.title || token.kind.charAt(0).toUpperCase() + token.kind.slice(1);
