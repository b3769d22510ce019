// Text → sections: marked's lexer decides what a heading is; ids, numbers, paths, lines, meta and exact source slices.
import GithubSlugger from 'github-slugger';
import type { Token, Tokens } from 'marked';
import { findFrontMatter, readFrontMatter, type FrontMatterParsers } from './frontmatter.js';
import { limitNesting, markdown } from './markdown.js';
import { inlineText } from './plaintext.js';
import { templateBlocksAsFences } from './templates.js';
import type { NotesDocument, Section, Warning } from './types.js';

/** Markdown whose lines end in \n, as the core reads it: site template code blocks as code, template spans as tokens. */
export const lexMarkdown = (normalized: string): Token[] => markdown.lexer(limitNesting(templateBlocksAsFences(normalized)));

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
  /** Needed to read front matter's keys (frontmatter-parsers.ts); without them a block is still kept out of the text. */
  parsers?: FrontMatterParsers;
}

/** Offsets at which each line of `text` starts; \r\n, \r and \n all end a line, as marked reads them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** How much inline Markdown to read: all of it, or only what the outline reads (headings, and list items for meta and tables of contents). */
export type InlineScope = 'all' | 'outline';

/** Block tokens with inline tokens only in headings and list items: reading every paragraph's inline Markdown is most of the cost of a large folder. */
function lexOutline(source: string): Token[] {
  const lexer = new markdown.Lexer(markdown.defaults);
  const tokens = lexer.blockTokens(source, lexer.tokens);
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
  for (const { src, tokens: inline } of lexer.inlineQueue) {
    lexer.state.inRawBlock = false;
    if (wanted.has(inline)) lexer.inlineTokens(src, inline);
  }
  lexer.inlineQueue = [];
  return tokens;
}

/**
 * Top-level tokens of a file's Markdown with the 1-based line each starts on. Front matter is not Markdown: it is
 * skipped, and lines are counted from the top of the file. Template code blocks are read as code. With `outline`,
 * only headings and list items get their inline tokens.
 */
export function lexWithLines(text: string, scope: InlineScope = 'all'): LocatedToken[] {
  let normalized = text.replace(/\r\n?/g, '\n');
  const frontMatter = findFrontMatter(normalized);
  if (frontMatter) normalized = normalized.slice(frontMatter.end);
  // template code blocks become fences line for line, and nesting is limited within lines, so lines count as in the file
  normalized = limitNesting(templateBlocksAsFences(normalized));
  const tokens = scope === 'all' ? markdown.lexer(normalized) : lexOutline(normalized);
  return locateTokens(tokens, normalized, 1 + (frontMatter?.lines ?? 0));
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
  for (const { token, line } of lexWithLines(text, 'outline')) {
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
  return [key, inlineText(markdown.Lexer.lexInline(item.text.slice(match[0].length), markdown.defaults)).replace(/\s+/g, ' ').trim()];
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

/**
 * The title a file's name gives: the name without folders and extension (`docs/install.md` → `install`); a README
 * or index stands for its folder (`packages/glob/README.md` → `glob`), as on GitHub and in Hugo.
 */
export function titleFromName(file: string): string {
  const parts = file.split('/');
  const name = parts.at(-1)!;
  const stem = name.replace(/\.[^.]+$/, '') || name;
  return /^(readme|_?index)$/i.test(stem) && parts.length > 1 ? parts.at(-2)! : stem;
}

/**
 * Parses one file's text into its document: title (front matter, else the single level-1 heading that opens it,
 * else the file's name), front matter as meta, sections with ids, numbers, paths, lines and slices.
 */
export function parseDocument(text: string, file: string, options: ParseOptions = {}): NotesDocument {
  const block = findFrontMatter(text);
  const frontMatter = block ? readFrontMatter(block, options.parsers) : { meta: {} };
  const warnings: Warning[] = [];
  if (frontMatter.problem) warnings.push({ file, line: frontMatter.problem.line, message: `front matter not read: ${frontMatter.problem.message}` });
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

  const title = frontMatter.title ?? (titleHeading?.title || titleFromName(file)); // an empty `#` names nothing
  return { file, title, meta: frontMatter.meta, text, sections, warnings };
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
