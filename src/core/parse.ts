// Text → sections: marked's lexer decides what a heading is; ids, numbers, paths, lines, meta and exact source slices.
import GithubSlugger from 'github-slugger';
import { Lexer, type Token, type Tokens } from 'marked';
import { inlineText } from './plaintext.js';
import type { NotesDocument, Section } from './types.js';

/** A top-level heading as found in the token stream, before numbering. */
interface Heading {
  title: string;
  level: number;
  line: number;
  /** Top-level tokens between this heading and the next heading of any level. */
  body: Token[];
}

export interface ParseOptions {
  /** Top-level sections are numbered from this number on (so a collection's files number on from each other). */
  firstNumber?: number;
}

/** Offsets at which each line of `text` starts; \r\n, \r and \n all end a line, as marked reads them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** Top-level tokens with the 1-based line each starts on. */
export function lexWithLines(text: string): LocatedToken[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  return locateTokens(new Lexer({ gfm: true }).lex(normalized), normalized, 1);
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

function findHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  for (const { token, line } of lexWithLines(text)) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      headings.push({ title: inlineText(heading.tokens).replace(/\s+/g, ' ').trim(), level: heading.depth, line, body: [] });
    } else {
      headings.at(-1)?.body.push(token);
    }
  }
  return headings;
}

/** Is this list item nothing but a link to a heading (`#anchor`), with at most a nested list of the same? */
function isAnchorLinkItem(item: Tokens.ListItem): boolean {
  return item.tokens.every((token) => {
    if (token.type === 'space') return true;
    if (token.type === 'list') return (token as Tokens.List).items.every(isAnchorLinkItem);
    const inline = ('tokens' in token && token.tokens) || [];
    const meaningful = inline.filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
    return meaningful.length === 1 && meaningful[0].type === 'link' && (meaningful[0] as Tokens.Link).href.startsWith('#');
  });
}

/** A table of contents: a body that is only lists of links to headings of the same document. */
export function isTableOfContents(body: Token[]): boolean {
  const blocks = body.filter((t) => t.type !== 'space' && t.type !== 'hr' && !(t.type === 'html' && /^\s*<!--/.test(t.raw)));
  return blocks.length > 0 && blocks.every((t) => t.type === 'list' && (t as Tokens.List).items.every(isAnchorLinkItem));
}

const META_ITEM = /^\*\*([^*\n]+?)\*\*\s*:?\s*/;

/** A `**Key**: value` (or `**Key:** value`) list item as its lowercased key and plain value; undefined for other items. */
export function metaEntry(item: Tokens.ListItem): [string, string] | undefined {
  const match = META_ITEM.exec(item.text);
  const key = match?.[1].trim().replace(/:$/, '').trim().toLowerCase();
  if (!match || !key || !match[0].includes(':')) return undefined;
  return [key, inlineText(Lexer.lexInline(item.text.slice(match[0].length))).replace(/\s+/g, ' ').trim()];
}

/** The meta items of a list that opens the section, keys lowercased. */
export function sectionMeta(body: Token[]): Record<string, string> {
  const meta: Record<string, string> = {};
  const first = body.find((t) => t.type !== 'space');
  if (first?.type !== 'list') return meta;
  for (const item of (first as Tokens.List).items) {
    const entry = metaEntry(item);
    if (!entry) break;
    meta[entry[0]] = entry[1];
  }
  return meta;
}

/** For each heading, the index of the next heading of the same or a higher level (one pass, a stack of open ones). */
function nextHeadingAtOrAbove(headings: Heading[]): Array<number | undefined> {
  const next: Array<number | undefined> = new Array(headings.length).fill(undefined);
  const open: number[] = [];
  headings.forEach((heading, index) => {
    while (open.length && headings[open.at(-1)!].level >= heading.level) next[open.pop()!] = index;
    open.push(index);
  });
  return next;
}

/** Parses one file's text into its document: title, sections with ids, numbers, paths, lines and slices. */
export function parseDocument(text: string, file: string, options: ParseOptions = {}): NotesDocument {
  const headings = findHeadings(text);
  const starts = lineStarts(text);
  const offsetOfLine = (line: number): number => (line - 1 < starts.length ? starts[line - 1] : text.length);

  const slugger = new GithubSlugger();
  const ids = headings.map((h) => slugger.slug(h.title));

  const levelOnes = headings.filter((h) => h.level === 1);
  const titleHeading = headings[0]?.level === 1 && levelOnes.length === 1 ? headings[0] : undefined;

  const ends = nextHeadingAtOrAbove(headings);
  const sections: Section[] = [];
  const outline: Array<{ level: number; number: string; path: string[]; children: number }> = [];
  let topCount = (options.firstNumber ?? 1) - 1;

  headings.forEach((heading, index) => {
    if (heading === titleHeading) return;
    const start = offsetOfLine(heading.line);
    const end = ends[index] === undefined ? text.length : offsetOfLine(headings[ends[index]!].line);
    const section: Section = {
      id: ids[index],
      number: null,
      title: heading.title,
      level: heading.level,
      path: [heading.title],
      line: heading.line,
      file,
      meta: sectionMeta(heading.body),
      markdown: text.slice(start, end),
    };
    if (!isTableOfContents(heading.body)) {
      while (outline.length && outline.at(-1)!.level >= heading.level) outline.pop();
      const parent = outline.at(-1);
      section.number = parent ? `${parent.number}.${++parent.children}` : String(++topCount);
      section.path = parent ? [...parent.path, heading.title] : [heading.title];
      outline.push({ level: heading.level, number: section.number, path: section.path, children: 0 });
    }
    sections.push(section);
  });

  return { file, title: titleHeading?.title ?? null, meta: {}, text, sections };
}

/**
 * The file cut into non-overlapping pieces: the text before the first section, then each section from its heading
 * up to the next heading of any level. Joined, they are the file.
 */
export function sectionSlices(document: NotesDocument): string[] {
  const starts = lineStarts(document.text);
  const cuts = document.sections.map((s) => starts[s.line - 1]);
  const bounds = [0, ...cuts, document.text.length];
  return bounds.slice(0, -1).map((from, i) => document.text.slice(from, bounds[i + 1]));
}
