// A show query → pages and sections: `file#anchor`, a page's path or exact title, exact id, outline number, a path
// with `/`, then fuzzy titles of pages and sections.
import { documentOf, isSeveralFiles, outlineColumns, sectionsWhere } from '../notes/documents.js';
import { NoMatch, UsageError } from '../errors.js';
import {
  createMatcher,
  foldText,
  literalQuality,
  normalizeText,
  queryWords,
  stemOf,
  Tier,
  type Matcher,
  type MatchTarget,
  type Ranked,
} from './match.js';
import { blockSection } from '../dialects/obsidian.js';
import { headingSlug, slugsTo } from '../markdown/slug.js';
import { pagesByPath, pagesByTitle } from './page-query.js';
import { PAGE_LEVEL, pageOf } from '../notes/pages.js';
import type { Collection, NotesDocument, Section } from '../types.js';

export interface ResolveOptions {
  /** Only the best section, even when several match equally. */
  first?: boolean;
}

const OUTLINE_NUMBER = /^\d+(\.\d+)*\.?$/;
const SUGGESTIONS = 3;

/** Sections that take part in the outline: everything but tables of contents. */
export const outlineSections = (collection: Collection): Section[] => collection.sections.filter((s) => s.number !== null);

const matchers = new WeakMap<Collection, Matcher<Section>>();

/** The titles above a section: its file's title (when there are several files to tell apart), then its ancestors'. */
function contextTitles(collection: Collection, section: Section): string[] {
  const several = isSeveralFiles(collection);
  return contextOf(several, several ? documentOf(collection, section).title : '', section.path);
}

/** The titles above a section of `path`: its page's title, where there are several files, then its ancestors'. */
const contextOf = (several: boolean, pageTitle: string, path: readonly string[]): string[] =>
  several ? [pageTitle, ...path.slice(0, -1)] : path.slice(0, -1);

/** The title matcher of a collection: a section's own title first, its file's and ancestors' titles as context. */
export function titleMatcher(collection: Collection): Matcher<Section> {
  let matcher = matchers.get(collection);
  if (!matcher) {
    matcher = createMatcher(outlineSections(collection), (s) => ({ primary: s.title, context: contextTitles(collection, s) }));
    matchers.set(collection, matcher);
  }
  return matcher;
}

/** Does every word of `component` appear, from a word start, in `title`? */
function componentMatches(component: string, title: string): boolean {
  const words = queryWords(component);
  const normalized = normalizeText(title);
  return words.length > 0 && words.every((word) => literalQuality(word, normalized) >= 0.85);
}

/** Sections whose file title and path hold the components in order, the last one naming the section itself. */
function resolvePath(collection: Collection, query: string): Section[] {
  const components = query
    .split('/')
    .map((c) => c.trim())
    .filter(Boolean);
  if (components.length === 0) return [];
  return outlineSections(collection).filter((section) => {
    if (!componentMatches(components.at(-1)!, section.title)) return false;
    let at = 0;
    const above = [documentOf(collection, section).title, ...section.path.slice(0, -1)];
    for (const title of above) if (at < components.length - 1 && componentMatches(components[at], title)) at++;
    return at === components.length - 1;
  });
}

/**
 * Best first: better tier, then the shallower (a page over its sections, a whole talk over its subsection), closer
 * words, document order.
 */
const byRelevance = (a: Ranked<TitleItem>, b: Ranked<TitleItem>): number =>
  b.tier - a.tier || a.item.level - b.item.level || b.score - a.score || a.index - b.index;

/**
 * A page (`section` -1) or section as show's matcher has it: its document's place, its own, its level and what is
 * matched, read from the outline's columns. The section itself is made only once it is shown: a folder's 100,000s
 * are not made to match a title, to find none, or to rank the 1,000s a common word matches.
 */
export interface TitleItem extends MatchTarget {
  document: number;
  section: number;
  level: number;
}

const showMatchers = new WeakMap<Collection, Matcher<TitleItem>>();

/**
 * Show's title items: every page by its title, then every section as the title matcher has it, of the documents
 * `keep` keeps (all by default). One file's title is no fuzzy target (every section shares it); its exact title still
 * names it.
 */
export function titleItems(collection: Collection, keep: (document: NotesDocument) => boolean = () => true): TitleItem[] {
  const several = isSeveralFiles(collection);
  const kept = collection.documents.flatMap((document, d) => (keep(document) ? [d] : []));
  const items: TitleItem[] = several
    ? kept.map((d) => ({ document: d, section: -1, level: PAGE_LEVEL, primary: collection.documents[d].title }))
    : [];
  for (const d of kept) {
    const document = collection.documents[d];
    const columns = outlineColumns(document);
    const paths = columns.sectionPaths();
    for (let i = 0; i < columns.number.length; i++) {
      if (columns.number[i] === null) continue;
      const context = contextOf(several, document.title, paths[i]);
      items.push({ document: d, section: i, level: columns.level[i], primary: columns.title[i], context });
    }
  }
  return items;
}

/** Show's matcher: its title items, every one. */
function pageAndSectionMatcher(collection: Collection): Matcher<TitleItem> {
  let matcher = showMatchers.get(collection);
  if (!matcher) {
    matcher = createMatcher(titleItems(collection), (item) => item);
    showMatchers.set(collection, matcher);
  }
  return matcher;
}

/**
 * Whether a document's titles may match a query's words literally: whether each word, or its stem, is anywhere in
 * them (the page's, its sections', their paths'), folded. What a literal match needs of each word (see match.ts),
 * told without making an item of each section.
 */
export function mayMatchLiterally(words: readonly string[]): (document: NotesDocument) => boolean {
  const stems = words.map(stemOf);
  // folded together as each alone: folding is one character for one, and no casing rule reaches across the separator
  const hold = (texts: string[]): boolean => {
    const folded = foldText(texts.join(' \u0000 '));
    return words.every((word, i) => folded.includes(word) || folded.includes(stems[i]));
  };
  return (document) => {
    const columns = outlineColumns(document);
    const titles = [document.title, ...columns.title];
    if (hold(titles)) return true;
    // a path's titles are its sections' but for a tab's label: made only for a file its titles alone do not tell
    for (const path of columns.sectionPaths()) for (let i = 0; i < path.length - 1; i++) titles.push(path[i]);
    return hold(titles);
  };
}

/** The page or section a title item stands for. */
const sectionOf = (collection: Collection, item: TitleItem): Section =>
  item.section < 0 ? pageOf(collection.documents[item.document]) : collection.documents[item.document].sections[item.section];

/**
 * Pages and sections whose titles (and their ancestors') the words match, best first: show's fuzzy step. An outline
 * number no section has matches a title only as written ("Kubernetes 1.25"): as a typo, `3.2` would be `23`.
 */
const fuzzyTitles = (collection: Collection, query: string, { typos = !OUTLINE_NUMBER.test(query) } = {}): Ranked<TitleItem>[] =>
  pageAndSectionMatcher(collection).match(query.replaceAll('/', ' '), { typos }).sort(byRelevance);

/**
 * fuzzyTitles' best tier: its literal matches where there are any, which rank above every typo's and are found
 * without looking up each title's words a typo away (most of matching a large folder's titles).
 */
const bestFuzzyTitles = (collection: Collection, query: string): Ranked<TitleItem>[] => {
  const spaced = query.replaceAll('/', ' ');
  // only the documents whose titles hold every word: a large folder's few, its other sections never made items of
  const items = titleItems(collection, mayMatchLiterally(queryWords(spaced)));
  const literal = createMatcher(items, (item) => item)
    .match(spaced, { typos: false })
    .sort(byRelevance);
  return literal.length ? literal : fuzzyTitles(collection, query);
};

/**
 * The pages and sections a picker keeps as the reader types, best first: every one in outline order for no query;
 * for an outline number, that section and the ones below it; else the titles show's fuzzy step matches, in its order.
 */
export function filterSections(collection: Collection, query: string): Section[] {
  const outline = outlineSections(collection);
  const trimmed = query.trim();
  // in a folder each page comes before its sections, to be read whole
  if (trimmed === '')
    return isSeveralFiles(collection)
      ? collection.documents.flatMap((d) => [pageOf(d), ...d.sections.filter((s) => s.number !== null)])
      : outline;
  if (OUTLINE_NUMBER.test(trimmed)) {
    const number = trimmed.replace(/\.$/, '');
    const numbered = outline.filter((s) => s.number === number || s.number!.startsWith(`${number}.`));
    if (numbered.length) return numbered;
  }
  return fuzzyTitles(collection, trimmed).map((r) => sectionOf(collection, r.item));
}

/** The sections a show query names, best first; throws NoMatch with the closest titles when none does. */
export function resolveQuery(collection: Collection, query: string, options: ResolveOptions = {}): Section[] {
  // an empty query is a mistake in the command line, as search says, not a query that found nothing
  if (query.trim() === '') throw new UsageError("the query is empty; give a section's number, title or id");
  const found = findSections(collection, query.trim());
  if (found.length === 0) {
    const suggestions = [
      ...new Set(
        pageAndSectionMatcher(collection)
          .closest(query, SUGGESTIONS * 3)
          .map((item) => item.primary),
      ),
    ];
    throw new NoMatch(query, suggestions.slice(0, SUGGESTIONS), isSeveralFiles(collection) ? 'page or section' : 'section');
  }
  return options.first ? found.slice(0, 1) : found;
}

const FILE_ANCHOR = /^(.+)#([^#\s]+)$/;

/**
 * `path/to/file.md#anchor`: the section of that id in the file(s) whose name is the path or ends with it. Undefined
 * when no file has that name (a title may hold a `#`); NoMatch when the file has no such anchor.
 */
function resolveFileAnchor(collection: Collection, query: string): Section[] | undefined {
  const match = FILE_ANCHOR.exec(query);
  if (!match) return undefined;
  const file = match[1].replace(/\\/g, '/').replace(/^\.\//, '');
  const named = (name: string) => collection.documents.filter((d) => d.file === name || d.file.endsWith(`/${name}`));
  const documents = named(file).length ? named(file) : named(`${file}.md`); // Obsidian's `Note#^id` names Note.md
  if (documents.length === 0) return undefined;
  if (match[2].startsWith('^')) {
    const blocks = documents.map((d) => blockSection(d, match[2])).filter((b) => b !== undefined);
    if (blocks.length) return blocks;
  }
  const sections = documents.flatMap((d) => d.sections);
  const anchor = match[2].toLowerCase();
  const found = sections.filter((s) => s.id === anchor);
  if (found.length) return found;
  const closest = createMatcher(sections, (s) => ({ primary: s.title })).closest(anchor.replaceAll('-', ' '), SUGGESTIONS);
  throw new NoMatch(
    query,
    closest.map((s) => `${s.file}#${s.id}`),
  );
}

function findSections(collection: Collection, query: string): Section[] {
  if (query === '') return [];
  const inFile = resolveFileAnchor(collection, query);
  if (inFile) return inFile;
  // a page named by its file, or by its own title exactly: what the user most likely means
  const page = pagesByPath(collection, query);
  if (page.length) return page;
  const titled = OUTLINE_NUMBER.test(query) ? [] : pagesByTitle(collection, query); // `1.` is a number first
  if (titled.length) return titled;
  // an id names its heading (`#alert` too); the id a title slugs to also names the other headings of that title (`agenda-1`)
  const id = query.toLowerCase().replace(/^#/, '');
  // a title slugs to the id only if slugging the id changes nothing (a slug is slugged to itself): `5.1` and `proxy
  // span` are no slugs, and no title is slugged for them
  const slugShaped = headingSlug(id) === id;
  const byId = sectionsWhere(
    collection,
    (columns, i) => columns.id[i] === id || (slugShaped && columns.number[i] !== null && slugsTo(columns.title[i], id)),
  );
  if (byId.length) return byId;

  if (OUTLINE_NUMBER.test(query)) {
    const number = query.replace(/\.$/, '');
    const byNumber = sectionsWhere(collection, (columns, i) => columns.number[i] === number);
    if (byNumber.length) return byNumber;
  }

  if (query.includes('/')) {
    const byPath = resolvePath(collection, query);
    if (byPath.length) return byPath;
  }

  const ranked = bestFuzzyTitles(collection, query);
  if (ranked.length === 0) return [];
  const best = ranked[0];
  if (best.tier === Tier.Exact) return ranked.filter((r) => r.tier === Tier.Exact).map((r) => sectionOf(collection, r.item));
  // several sections of one title that match equally (two "Demo"s under one word) are all shown
  const sameTitle = normalizeText(best.item.primary);
  return ranked
    .filter((r) => r.tier === best.tier && r.item.level === best.item.level && r.score === best.score)
    .filter((r) => normalizeText(r.item.primary) === sameTitle)
    .map((r) => sectionOf(collection, r.item));
}
