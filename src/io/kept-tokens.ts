// The tokens `show` lexed from a file's Markdown, kept in the cache folder so that showing it again renders from them.
// A run's first lexing is most of what rendering a section costs: marked's rules are compiled then (regular expressions
// over Unicode classes, which V8's code cache does not keep) and its functions run cold. One entry for each file, with
// the texts last lexed from it, each under its hash, and the build that lexed them: another build's tokens, or a text
// that changed, are lexed again; the oldest text goes once the entry is full. Tokens are text the terminal is given as
// it is: an entry is sealed with the cache's key, as the notes' are, and one that another program sealed is not read.
import type { Token } from 'marked';
import { seal, unseal } from './cache-entry.js';
import { isRecord } from './cache-schema.js';
import type { CacheStore } from './cache-store.js';
import { sha256 } from './sha256.js';

/**
 * The tokens of Markdown read from the file at `path`: those kept from an earlier `lex` of the same text, else what
 * `lex` makes of it now (kept). The renderer hands its lexer: no command loads marked for the cache's sake.
 */
export type TokenKeeper = (markdown: string, path: string | undefined, lex: (markdown: string) => Token[]) => Token[];

/** The texts of a file an entry keeps: a file's sections are shown one at a time, and a few of them again. */
const MAX_TEXTS = 32;
/** What an entry holds at most: tokens as JSON are about ten times their Markdown. */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

/** The entry's header (its first line): the build, and each text's hash and the length of its tokens as JSON, newest first. */
interface KeptHeader {
  build: string;
  texts: Array<[string, number]>;
}

const isHeader = (value: unknown): value is KeptHeader =>
  isRecord(value) &&
  typeof value.build === 'string' &&
  Array.isArray(value.texts) &&
  value.texts.every((text) => Array.isArray(text) && typeof text[0] === 'string' && Number.isSafeInteger(text[1]) && text[1] >= 0);

/** The texts an entry keeps, as hash → tokens as JSON, newest first; none if it is not this build's, or not whole. */
function keptTexts(bytes: Buffer | undefined, build: string): Map<string, Buffer> {
  const texts = new Map<string, Buffer>();
  if (!bytes) return texts;
  const newline = bytes.indexOf(10);
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, newline));
  } catch {
    return texts;
  }
  if (newline === -1 || !isHeader(header) || header.build !== build) return texts;
  let at = newline + 1;
  for (const [hash, length] of header.texts) {
    if (at + length > bytes.length) return new Map();
    texts.set(hash, bytes.subarray(at, at + length));
    at += length;
  }
  return texts;
}

/** Tokens from their JSON: an array, with the reference links marked's lexer hangs on it. */
function tokensOf(json: Buffer): Token[] | undefined {
  const kept = JSON.parse(json.toString('utf8')) as { tokens: unknown; links: unknown };
  if (!Array.isArray(kept.tokens) || !isRecord(kept.links)) return undefined;
  return Object.assign(kept.tokens as Token[], { links: kept.links });
}

/** Tokens kept in `store` (best effort); `name` names a file's entry. */
export function tokenKeeper(store: CacheStore, build: string, name: (path: string) => string): TokenKeeper {
  return (markdown, path, lex) => {
    const key = path === undefined ? undefined : store.key();
    if (path === undefined || !key) return lex(markdown);
    const entry = `${name(path)}.tokens`;
    const hash = sha256(markdown);
    const texts = keptTexts(unseal(store.read(entry), key)?.bytes, build);
    const json = texts.get(hash);
    try {
      const tokens = json === undefined ? undefined : tokensOf(json);
      if (tokens) return tokens;
    } catch {
      // not tokens: lexed again, and kept anew
    }
    const tokens = lex(markdown);
    const links = (tokens as Token[] & { links?: unknown }).links ?? {};
    const kept: Array<[string, Buffer]> = [[hash, Buffer.from(JSON.stringify({ tokens, links }), 'utf8')]];
    let bytes = kept[0][1].length;
    for (const [other, otherJson] of texts) {
      if (other === hash || kept.length === MAX_TEXTS || bytes + otherJson.length > MAX_ENTRY_BYTES) continue;
      kept.push([other, otherJson]);
      bytes += otherJson.length;
    }
    if (bytes <= MAX_ENTRY_BYTES) {
      const header: KeptHeader = { build, texts: kept.map(([text, tokensJson]) => [text, tokensJson.length]) };
      store.write(entry, seal([`${JSON.stringify(header)}\n`, ...kept.map(([, tokensJson]) => tokensJson)], key));
    }
    return tokens;
  };
}
