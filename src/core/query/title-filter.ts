// The browser's filter over section titles, as fzf filters lines: every word typed must match, in order of its
// characters, the section's path or its page and file; the matched characters come back to be marked. fuzzysort
// (prepared targets, a few milliseconds on thousands of sections) keeps it within a frame of a keystroke.
import fuzzysort from 'fuzzysort';
import { filterSections } from './resolve.js';
import type { Collection, Section } from '../types.js';

/** A section the filter kept, and where its text was matched. */
export interface TitleMatch {
  section: Section;
  /** Indexes into `pathText(section)` of the characters matched; empty when nothing was typed. */
  marks: number[];
}

export interface TitleFilter {
  /** The sections that match `query`, best first; all of them in outline order for no query. */
  (query: string): TitleMatch[];
  /**
   * A slice of what the first query typed would do, done ahead while the reader has not typed: at most
   * PREPARE_SLICE targets prepared and searched a first time. Whether work is left; none once every target is.
   */
  readonly warmUp: () => boolean;
}

/** Between the titles of a path, as rows show it. */
export const PATH_SEPARATOR = ' › ';

/** The text of a section's row that marks refer to: its path, parents first. */
export const pathText = (section: Section): string => section.path.join(PATH_SEPARATOR);

/** Where a section is: its page's title and its file, as rows show it. */
export const placeText = (pageTitle: string, file: string): string => (pageTitle && pageTitle !== file ? `${pageTitle} · ${file}` : file);

/** The best matches kept: more than a reader pages through, few enough to rank fast (fuzzysort keeps a heap). */
export const MATCH_LIMIT = 500;
/**
 * Targets prepared in one slice of the warm-up: a folder of a few thousand sections in one, before the first key is
 * read (which then finds them all ready); a larger one a slice at a time, between keys.
 */
export const PREPARE_SLICE = 5000;
/** What each slice of targets is first searched for. */
const WARM_QUERIES = ['e', 'es', 'a b'];
/** Between a section's path and its place in the text the filter matches. */
const PLACE_GAP = '  ';
const OUTLINE_NUMBER = /^\d+(\.\d+)*\.?$/;

/** A row of the unfiltered list as fuzzysort matches it: its path then its place (one key is half the work of two). */
interface Target {
  section: Section;
  /** Its place in the list: a pool keeps its targets in this order, so that ties rank as in a search of them all. */
  order: number;
  pathLength: number;
  text: Fuzzysort.Prepared;
}

/**
 * A filter over the collection's outline; the targets are prepared once, ahead a slice at a time (warmUp) or all when
 * first searched: the unfiltered list needs none of them, and a folder's 100,000s take seconds to prepare.
 */
export function createTitleFilter(collection: Collection): TitleFilter {
  // one target per row of the unfiltered list (in a folder its pages too), prepared in its order
  let rows: Section[] | undefined;
  let pageTitles: Map<string, string> | undefined;
  const targets: Target[] = [];
  const prepareUpTo = (count: number): number => {
    rows ??= filterSections(collection, '');
    pageTitles ??= new Map(collection.documents.map((document) => [document.file, document.title]));
    while (targets.length < Math.min(count, rows.length)) {
      const section = rows[targets.length];
      const path = pathText(section);
      const place = placeText(pageTitles.get(section.file) ?? '', section.file);
      targets.push({ section, order: targets.length, pathLength: path.length, text: fuzzysort.prepare(`${path}${PLACE_GAP}${place}`) });
    }
    return rows.length - targets.length;
  };
  const prepared = (): Target[] => {
    prepareUpTo(Infinity);
    return targets;
  };
  const unmarked = (sections: Section[]): TitleMatch[] => sections.map((section) => ({ section, marks: [] }));
  // as fzf does: a query that extends the last one can only narrow its matches, so only those are searched again
  let last: { query: string; pool: Target[] } | undefined;
  const warmUp = (): boolean => {
    const from = targets.length;
    const left = prepareUpTo(from + PREPARE_SLICE);
    // fuzzysort works out part of what it matches a target with on the target's first search (and its code is
    // compiled on its first searches): done here for the slice, not on the reader's first key for every target
    const slice = targets.slice(from);
    if (slice.length) for (const query of WARM_QUERIES) fuzzysort.go(query, slice, { key: 'text', limit: MATCH_LIMIT });
    return left > 0;
  };
  const filter = (query: string): TitleMatch[] => {
    const trimmed = query.trim();
    // no query, or an outline number (6.5): the outline's own order, as filterSections gives it
    if (trimmed === '' || OUTLINE_NUMBER.test(trimmed)) return unmarked(filterSections(collection, trimmed));
    const pool = last && trimmed.startsWith(last.query) ? last.pool : prepared();
    const results = fuzzysort.go(trimmed, pool, { key: 'text', limit: MATCH_LIMIT });
    // a cut list is no pool for the next query: what was cut may still match it
    last =
      results.total > MATCH_LIMIT
        ? undefined
        : { query: trimmed, pool: results.map((result) => result.obj).sort((a, b) => a.order - b.order) };
    return results.map(({ obj, indexes }) => ({ section: obj.section, marks: indexes.filter((index) => index < obj.pathLength) }));
  };
  return Object.assign(filter, { warmUp });
}
