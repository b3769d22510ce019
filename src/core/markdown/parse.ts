// Text → sections: marked's lexer decides what a heading is; ids, numbers, paths, lines, meta and exact source slices.
import type { Token, Tokens } from 'marked';
import { findFrontMatter, readFrontMatter, type FrontMatterParsers } from './frontmatter.js';
import { lineStarts } from './lines.js';
import { HeadingSlugger } from './slug.js';
import { limitNesting, type HeadingWithId } from './reader.js';
import { outlineTokens } from './outline.js';
import { inlineText, plainSource } from './plaintext.js';
import { SHORTCODE_TOKEN, tabAfter, type ShortcodeToken } from '../dialects/hugo.js';
import { templateBlocksAsFences } from './templates.js';
import { lexTokens, locateTokens, markdown, type LocatedToken } from './tokens.js';
import type { NotesDocument, Section, Warning } from '../types.js';

export { lineStarts, sectionSlices } from './lines.js';
export { lexMarkdown, locateTokens, type LocatedToken } from './tokens.js';

/** A top-level heading as found in the token stream, before numbering. */
interface Heading {
  title: string;
  level: number;
  line: number;
  /** The id its `{#id}` attribute gives it (Hugo, MkDocs), instead of the one made of its title. */
  id?: string;
  /** Top-level tokens between this heading and the next heading of any level. */
  body: Token[];
  /** The Hugo tab it is in, if any: its sections are told apart by the tab's name. */
  tab?: string;
}

export interface ParseOptions {
  /** Top-level sections are numbered from this number on (so a collection's files number on from each other). */
  firstNumber?: number;
  /** Needed to read front matter's keys (frontmatter-parsers.ts); without them a block is still kept out of the text. */
  parsers?: FrontMatterParsers;
}

/**
 * What marked reads of a file's text: \n line ends, no front matter (it is not Markdown), template code blocks as
 * fences line for line; and the 1-based line of the file it starts on.
 */
function markdownOf(text: string): { source: string; firstLine: number } {
  let normalized = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const frontMatter = findFrontMatter(normalized);
  if (frontMatter) normalized = normalized.slice(frontMatter.end);
  // template code blocks become fences line for line, and nesting is limited within lines, so lines count as in the file
  return { source: limitNesting(templateBlocksAsFences(normalized)), firstLine: 1 + (frontMatter?.lines ?? 0) };
}

/** Top-level tokens of a file's Markdown with the 1-based line each starts on, counted from the top of the file. */
export function lexWithLines(text: string): LocatedToken[] {
  const { source, firstLine } = markdownOf(text);
  return locateTokens(lexTokens(source), source, firstLine);
}

function findHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  const { source, firstLine } = markdownOf(text);
  let tab: string | undefined;
  for (const { token, line } of outlineTokens(source, firstLine)) {
    if (token.type === 'heading') {
      const heading = token as HeadingWithId;
      const id = heading.anchorId === undefined ? {} : { id: heading.anchorId };
      headings.push({
        title: inlineText(heading.tokens).replace(/\s+/g, ' ').trim(),
        ...id,
        level: heading.depth,
        line,
        body: [],
        ...(tab === undefined ? {} : { tab }),
      });
    } else if (token.type === SHORTCODE_TOKEN) {
      tab = tabAfter(token as ShortcodeToken, tab);
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
  const value = item.text.slice(match[0].length);
  return [key, (plainSource(value) ?? inlineText(markdown.Lexer.lexInline(value, markdown.defaults))).replace(/\s+/g, ' ').trim()];
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
  if (frontMatter.problem)
    warnings.push({ file, line: frontMatter.problem.line, message: `front matter not read: ${frontMatter.problem.message}` });
  const headings = findHeadings(text);
  const starts = lineStarts(text);
  const offsetOfLine = (line: number): number => (line - 1 < starts.length ? starts[line - 1] : text.length);

  const slugger = new HeadingSlugger();
  const ids = headings.map((h) => h.id ?? slugger.slug(h.title));

  const levelOnes = headings.filter((h) => h.level === 1);
  const titleHeading = headings[0]?.level === 1 && levelOnes.length === 1 ? headings[0] : undefined;

  const ends = nextHeadingAtOrAbove(headings);
  const sections: Section[] = [];
  const outline: Array<{ level: number; number: string; path: string[]; children: number; tab?: string }> = [];
  let topCount = (options.firstNumber ?? 1) - 1;

  headings.forEach((heading, index) => {
    if (heading === titleHeading) return;
    const start = offsetOfLine(heading.line);
    const end = ends[index] === undefined ? text.length : offsetOfLine(headings[ends[index]].line);
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
      // a section in a tab its parent is not in goes by the tab's name too: the site shows one tab of several at a time
      const tab = heading.tab !== undefined && parent?.tab !== heading.tab ? [heading.tab] : [];
      section.path = parent ? [...parent.path, ...tab, heading.title] : [...tab, heading.title];
      outline.push({ level: heading.level, number: section.number, path: section.path, children: 0, tab: heading.tab });
    }
    sections.push(section);
  });

  const title = frontMatter.title ?? (titleHeading?.title || titleFromName(file)); // an empty `#` names nothing
  const document: NotesDocument = { file, title, meta: frontMatter.meta, text, sections, warnings };
  if (titleHeading) document.titleId = ids[0];
  return document;
}
