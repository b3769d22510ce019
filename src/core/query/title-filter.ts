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
}

/** Between the titles of a path, as rows show it. */
export const PATH_SEPARATOR = ' › ';

/** The text of a section's row that marks refer to: its path, parents first. */
export const pathText = (section: Section): string => section.path.join(PATH_SEPARATOR);

/** Where a section is: its page's title and its file, as rows show it. */
export const placeText = (pageTitle: string, file: string): string => (pageTitle && pageTitle !== file ? `${pageTitle} · ${file}` : file);

/** The best matches kept: more than a reader pages through, few enough to rank fast (fuzzysort keeps a heap). */
export const MATCH_LIMIT = 500;
/** Between a section's path and its place in the text the filter matches. */
const PLACE_GAP = '  ';
const OUTLINE_NUMBER = /^\d+(\.\d+)*\.?$/;

/** A row of the unfiltered list as fuzzysort matches it: its path then its place (one key is half the work of two). */
interface Target {
  section: Section;
  pathLength: number;
  text: Fuzzysort.Prepared;
}

/**
 * A filter over the collection's outline; the targets are prepared once, when first searched: the unfiltered list
 * needs none of them, and a folder's 100,000s take seconds to prepare.
 */
export function createTitleFilter(collection: Collection): TitleFilter {
  let targets: Target[] | undefined;
  // one target per row of the unfiltered list (in a folder its pages too)
  const prepared = (): Target[] => {
    if (targets) return targets;
    const pageTitles = new Map(collection.documents.map((document) => [document.file, document.title]));
    return (targets = filterSections(collection, '').map((section) => {
      const path = pathText(section);
      const place = placeText(pageTitles.get(section.file) ?? '', section.file);
      return { section, pathLength: path.length, text: fuzzysort.prepare(`${path}${PLACE_GAP}${place}`) };
    }));
  };
  const unmarked = (sections: Section[]): TitleMatch[] => sections.map((section) => ({ section, marks: [] }));
  // as fzf does: a query that extends the last one can only narrow its matches, so only those are searched again
  let last: { query: string; pool: Target[] } | undefined;
  return (query) => {
    const trimmed = query.trim();
    // no query, or an outline number (6.5): the outline's own order, as filterSections gives it
    if (trimmed === '' || OUTLINE_NUMBER.test(trimmed)) return unmarked(filterSections(collection, trimmed));
    const pool = last && trimmed.startsWith(last.query) ? last.pool : prepared();
    const results = fuzzysort.go(trimmed, pool, { key: 'text', limit: MATCH_LIMIT });
    // a cut list is no pool for the next query: what was cut may still match it
    last = results.total > MATCH_LIMIT ? undefined : { query: trimmed, pool: results.map((result) => result.obj) };
    return results.map(({ obj, indexes }) => ({ section: obj.section, marks: indexes.filter((index) => index < obj.pathLength) }));
  };
}
