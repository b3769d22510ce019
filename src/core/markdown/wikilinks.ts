// Wiki links (`[[file]]`, `[[Title]]`, `[[file#Heading|alias]]`, Obsidian's `![[embed]]`) as tokens of the lexer, so
// they are found in text and never in code spans or code blocks, and every reader of the tokens sees the same links.
import type { TokenizerExtension, Tokens } from 'marked';

/** The token type the lexer gives a wiki link. */
export const WIKI_LINK_TOKEN = 'wikilink';

/** A wiki link as written (character references not decoded, as in marked's text): the page (a file's name or path,
 * or a title; '' for the same file), heading and alias. */
export interface WikiTarget {
  page: string;
  heading?: string;
  alias?: string;
}

export interface WikiLinkToken extends Tokens.Generic, WikiTarget {
  type: typeof WIKI_LINK_TOKEN;
  raw: string;
  /** What a reader sees: the alias, else the target as written. */
  text: string;
  /** `![[…]]`: Obsidian shows the target in place; it still links to it. */
  embed: boolean;
}

/** No brackets and no line break inside, so `[[1, 2], [3, 4]]` in prose is not a link. */
const WIKI_LINK = /^(!?)\[\[([^[\]\n]+)\]\]/;

/** `page#heading|alias` → its parts; a heading written as `#a#b` (Obsidian's nested form) names the last one. */
export function wikiTarget(inside: string): WikiTarget | undefined {
  const [target, ...aliasParts] = inside.split('|');
  const [page, ...headings] = target.split('#');
  const heading = headings
    .map((h) => h.trim())
    .filter(Boolean)
    .at(-1);
  const alias = aliasParts.join('|').trim();
  if (page.trim() === '' && heading === undefined) return undefined;
  return { page: page.trim(), ...(heading === undefined ? {} : { heading }), ...(alias ? { alias } : {}) };
}

/** The target as written, without the alias: `Projects/Argo CD#Sync waves`. */
export const wikiHref = (target: WikiTarget): string => `${target.page}${target.heading === undefined ? '' : `#${target.heading}`}`;

export const wikiLinkTokenizer: TokenizerExtension = {
  name: WIKI_LINK_TOKEN,
  level: 'inline',
  start: (src) => {
    const at = src.search(/!?\[\[/);
    return at === -1 ? undefined : at;
  },
  tokenizer(src): WikiLinkToken | undefined {
    const match = WIKI_LINK.exec(src);
    const target = match && wikiTarget(match[2]);
    if (!match || !target) return undefined;
    return { type: WIKI_LINK_TOKEN, raw: match[0], text: target.alias ?? wikiHref(target), embed: match[1] === '!', ...target };
  },
};
