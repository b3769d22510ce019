// The tokens `show` lexed from a file's Markdown, kept in the cache folder so that showing it again renders from them.
// A run's first lexing is most of what rendering a section costs: marked's rules are compiled then (regular expressions
// over Unicode classes, which V8's code cache does not keep) and its functions run cold. One entry for each file, with
// the texts last lexed from it, each under its hash, and the build that lexed them: another build's tokens, or a text
// that changed, are lexed again; the oldest text goes once the entry is full. Tokens are text the terminal is given as
// it is: the entry is sealed (kept-by-hash.ts).
import type { Token } from 'marked';
import { isRecord } from './cache-schema.js';
import type { CacheStore } from './cache-store.js';
import { keptByHash } from './kept-by-hash.js';
import { sha256 } from './sha256.js';

/**
 * The tokens of Markdown read from the file at `path`: those kept from an earlier `lex` of the same text, else what
 * `lex` makes of it now (kept). The renderer hands its lexer: no command loads marked for the cache's sake.
 */
export type TokenKeeper = (markdown: string, path: string | undefined, lex: (markdown: string) => Token[]) => Token[];

/**
 * The texts of a file an entry keeps (its sections are shown one at a time, and a few of them again), and at most how
 * many bytes: tokens as JSON are about ten times their Markdown.
 */
const LIMITS = { values: 32, bytes: 8 * 1024 * 1024 };

/** Tokens from their JSON: an array, with the reference links marked's lexer hangs on it. */
function tokensOf(json: Buffer): Token[] | undefined {
  const kept = JSON.parse(json.toString('utf8')) as { tokens: unknown; links: unknown };
  if (!Array.isArray(kept.tokens) || !isRecord(kept.links)) return undefined;
  return Object.assign(kept.tokens as Token[], { links: kept.links });
}

/** Tokens kept in `store` (best effort); `name` names a file's entry. */
export function tokenKeeper(store: CacheStore, build: string, name: (path: string) => string): TokenKeeper {
  return (markdown, path, lex) => {
    if (path === undefined || !store.key()) return lex(markdown);
    const kept = keptByHash(store, `${name(path)}.tokens`, build, LIMITS);
    const hash = sha256(markdown);
    const json = kept.get(hash);
    try {
      const tokens = json === undefined ? undefined : tokensOf(json);
      if (tokens) return tokens;
    } catch {
      // not tokens: lexed again, and kept anew
    }
    const tokens = lex(markdown);
    const links = (tokens as Token[] & { links?: unknown }).links ?? {};
    kept.keep(hash, Buffer.from(JSON.stringify({ tokens, links }), 'utf8'));
    return tokens;
  };
}
