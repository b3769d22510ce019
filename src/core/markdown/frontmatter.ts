// A file's leading YAML (`---`) or TOML (`+++`) block → its title and meta; never a heading, never body text.
import type { MetaScalar, MetaValue } from '../types.js';

/** A parser's answer: the data, or the 1-based line of the block's content where it failed and why, in one line. */
export type ParsedBlock = { data: unknown } | { line: number; message: string };

/**
 * The YAML and TOML parsers, handed in by the caller: they take longer to load than most notes take to read, so
 * they are loaded (frontmatter-parsers.ts) only when some file opens with a fence.
 */
export interface FrontMatterParsers {
  yaml(content: string): ParsedBlock;
  toml(content: string): ParsedBlock;
}

/** Where a front-matter block is in a file's text. */
export interface FrontMatterBlock {
  format: 'yaml' | 'toml';
  /** The text between the fences. */
  content: string;
  /** Offset just past the closing fence's line ending: where the Markdown begins. */
  end: number;
  /** Lines the block takes, fences included: the Markdown begins on the line after. */
  lines: number;
}

/** What a front-matter block says. */
export interface FrontMatter {
  title?: string;
  meta: Record<string, MetaValue>;
  /** Why its keys could not be read, at a 1-based line of the file. */
  problem?: { line: number; message: string };
}

const OPENING = /^\uFEFF?(---|\+\+\+)[ \t]*(\r\n?|\n)/;

/**
 * The front-matter block at the very start of `text` (after an optional BOM): an opening `---` or `+++` line and a
 * matching closing line (`...` also closes YAML). An opening fence that is never closed is no front matter: Markdown
 * reads it as the thematic break it then is.
 */
export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const fence = opening[1];
  const format = fence === '---' ? 'yaml' : 'toml';
  const contentStart = opening[0].length;
  const lineEnds = /\r\n?|\n/g;
  lineEnds.lastIndex = contentStart;
  for (let at = contentStart, line = 2; ; line++) {
    const lineEnd = lineEnds.exec(text);
    const content = text.slice(at, lineEnd ? lineEnd.index : text.length).replace(/[ \t]+$/, '');
    if (content === fence || (format === 'yaml' && content === '...')) {
      const end = lineEnd ? lineEnd.index + lineEnd[0].length : text.length;
      return { format, content: text.slice(contentStart, at), end, lines: line };
    }
    if (!lineEnd) return undefined;
    at = lineEnd.index + lineEnd[0].length;
  }
}

/** Might these bytes open with front matter (a `---` or `+++` line after an optional BOM)? Cheap, before decoding. */
export function opensWithFence(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const fence = bytes[start];
  return (fence === 0x2d || fence === 0x2b) && bytes[start + 1] === fence && bytes[start + 2] === fence;
}

/** The block's data, or where (a line of the file: the opening fence is line 1) and why it could not be parsed. */
function parseBlock(
  block: FrontMatterBlock,
  parsers: FrontMatterParsers | undefined,
): { data: unknown } | { problem: FrontMatter['problem'] } {
  // a caller that did not load the parsers still gets the block kept out of the Markdown, and says so
  if (!parsers) return { problem: { line: 1, message: 'no YAML/TOML parser was loaded' } };
  const parsed = block.format === 'yaml' ? parsers.yaml(block.content) : parsers.toml(block.content);
  return 'data' in parsed ? parsed : { problem: { line: 1 + parsed.line, message: parsed.message } };
}

function metaScalar(value: unknown): MetaScalar | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value); // JSON has no Infinity
  if (value instanceof Date) return value.toISOString(); // a TOML date prints as written: 2022-10-24
  return undefined;
}

function metaValue(value: unknown): MetaValue | undefined {
  // MkDocs Material's blog dates a post `date: {created: …, updated: …}`: the date it was written is its date
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'created' in value) return metaScalar(value.created);
  if (!Array.isArray(value)) return metaScalar(value);
  return value.map(metaScalar).filter((item) => item !== undefined);
}

/** Reads a front-matter block: its `title`, its other scalar and list values as meta (keys lowercased, nesting dropped). */
export function readFrontMatter(block: FrontMatterBlock, parsers: FrontMatterParsers | undefined): FrontMatter {
  const parsed = parseBlock(block, parsers);
  if ('problem' in parsed) return { meta: {}, problem: parsed.problem };
  const { data } = parsed;
  if (data === null || data === undefined) return { meta: {} }; // an empty block
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { meta: {}, problem: { line: 1, message: 'front matter is not a set of keys and values' } };
  }
  const meta: Record<string, MetaValue> = {};
  let title: string | undefined;
  for (const [key, value] of Object.entries(data)) {
    const name = key.toLowerCase();
    if (name === 'title') {
      // on one line, as a heading's title is: YAML may fold a title over lines (`title: |`, a blank line)
      const text = metaScalar(value);
      const line = text === undefined ? '' : String(text).replace(/\s+/g, ' ').trim();
      if (line !== '') title ??= line;
      continue;
    }
    const kept = metaValue(value);
    if (kept !== undefined && !(name in meta)) meta[name] = kept;
  }
  return { title, meta };
}
