// A collection's documents: the one a section belongs to, and the title they go by; their outlines as columns; how
// deep an outline number is.
import type { Collection, NotesDocument, Section } from '../types.js';
import { isPending } from './lazy.js';

const byFile = new WeakMap<Collection, Map<string, NotesDocument | null>>();
const owners = new WeakMap<Collection, Map<Section, NotesDocument>>();

/** The document a section (or page) of the collection belongs to. */
export function documentOf(collection: Collection, section: Section): NotesDocument {
  // its file names it when no other document has that name: every document's sections are not gone through (a
  // cached collection restores them when first read)
  let files = byFile.get(collection);
  if (!files) {
    files = new Map();
    for (const document of collection.documents) files.set(document.file, files.has(document.file) ? null : document);
    byFile.set(collection, files);
  }
  const named = files.get(section.file);
  if (named) return named;
  let owner = owners.get(collection);
  if (!owner) {
    owner = new Map(collection.documents.flatMap((d) => d.sections.map((s) => [s, d] as const)));
    owners.set(collection, owner);
  }
  // a page is no section of its document: its file names it (pages.ts is not loaded for this, nor its slugger)
  return owner.get(section) ?? collection.documents.find((d) => d.file === section.file)!;
}

/**
 * Are the notes several files, each a page named with its file? Asked of the whole notes, so that notes narrowed to
 * one page (`--under`, `--tag`) still name it as they did.
 */
export const isSeveralFiles = (collection: Collection): boolean => (collection.whole ?? collection).documents.length > 1;

/** The collection's title: its one document's title, or null for several documents. */
export function collectionTitle(collection: Collection): string | null {
  return isSeveralFiles(collection) ? null : collection.documents[0].title;
}

/** A folder's index page, whose title is the folder's: index.md, _index.md (Hugo) or README.md at its top. */
const INDEX_PAGE = /^(?:_?index|readme)\.(?:md|markdown)$/i;

/**
 * What the notes as a whole are called: the one document's title; for a folder, its index page's title, else the
 * folder's name (the part of each file's path before its name in the notes); else null.
 */
export function notesTitle(collection: Collection): string | null {
  const { documents } = collection;
  if (documents.length === 1) return documents[0].title;
  const index = documents.find((d) => INDEX_PAGE.test(d.file));
  if (index) return index.title;
  const roots = new Set(documents.map((d) => (d.path?.endsWith(d.file) ? d.path.slice(0, -d.file.length).replace(/[\\/]+$/, '') : undefined)));
  const [root] = roots;
  return roots.size === 1 && root ? (root.split(/[\\/]/).at(-1) ?? null) : null;
}

/** An outline number of a file numbered from 1, run on after `before` top-level sections of the files before it. */
export function numberedAfter(number: string, before: number): string {
  const dot = number.indexOf('.');
  return dot === -1 ? String(Number(number) + before) : `${Number(number.slice(0, dot)) + before}${number.slice(dot)}`;
}

/** How deep an outline number is (`6` 1, `6.5` 2), counted, not split: a folder's list asks for each of 10,000s. */
export function outlineDepth(number: string): number {
  let depth = 1;
  for (let dot = number.indexOf('.'); dot !== -1; dot = number.indexOf('.', dot + 1)) depth++;
  return depth;
}

/**
 * A document's outline column by column, a section's values at its index: what `list`, and `show`'s look-ups by id
 * or number, read.
 */
export interface OutlineColumns {
  id: readonly string[];
  number: ReadonlyArray<string | null>;
  title: readonly string[];
  level: readonly number[];
  /** The meta of each section that has any, by the section's index. */
  meta: ReadonlyArray<readonly [number, Record<string, string>]>;
  /** Each section's path (its ancestors' titles, then its own), made when asked for: `show`'s title matcher reads it. */
  sectionPaths(): ReadonlyArray<readonly string[]>;
}

/** The columns of a document's outline as its source keeps them: a path only where the numbers do not give it. */
export interface KeptColumns extends Omit<OutlineColumns, 'sectionPaths'> {
  /** The sections whose path is not their outline parent's path and their title (a tab's label in it): [index, path]. */
  paths: ReadonlyArray<readonly [number, string[]]>;
}

/**
 * What a document was read from where it was not parsed (the cache's, not enumerable: not part of the document):
 * among it, the columns its sections are made from when first read.
 */
export const DOCUMENT_SOURCE = Symbol('document source');
export interface DocumentSource {
  outline(): KeptColumns;
}

/**
 * Each section's path: a numbered section's is its outline parent's path and its title, unless `pathOf` (told the
 * section and that derived path) says otherwise; an unnumbered section's is its title. Children follow the path given.
 */
export function outlinePaths(
  numbers: ReadonlyArray<string | null>,
  titles: readonly string[],
  pathOf: (i: number, derived: string[]) => string[],
): string[][] {
  const open: string[][] = []; // the path of the last numbered section at each depth
  return numbers.map((number, i) => {
    if (number === null) return pathOf(i, [titles[i]]);
    const depth = outlineDepth(number); // never deeper than one below the number before it (outlineInOrder)
    const path = pathOf(i, depth > 1 ? [...open[depth - 2], titles[i]] : [titles[i]]);
    open.length = depth - 1;
    open.push(path);
    return path;
  });
}

/** Each section's path from kept columns: the numbers' path, or the one kept for it. */
export function keptPaths({ number, title, paths }: Pick<KeptColumns, 'number' | 'title' | 'paths'>): string[][] {
  const given = new Map(paths);
  return outlinePaths(number, title, (i, derived) => given.get(i) ?? derived);
}

/** The columns read for a document: show looks a query up by id, then by title, each in every document's. */
const keptColumns = new WeakMap<NotesDocument, OutlineColumns>();

/**
 * A document's outline, column by column: from what it was read from while its sections are not made yet (a
 * folder's list then makes none of its 10,000s of section objects), else its sections'.
 */
export function outlineColumns(document: NotesDocument): OutlineColumns {
  const source = (document as { [DOCUMENT_SOURCE]?: DocumentSource })[DOCUMENT_SOURCE];
  if (source && isPending(document, 'sections')) {
    let columns = keptColumns.get(document);
    if (!columns) {
      const { id, number, title, level, meta, paths } = source.outline(); // these alone: the rest of what was read is let go at once
      columns = { id, number, title, level, meta, sectionPaths: () => keptPaths({ number, title, paths }) };
      keptColumns.set(document, columns);
    }
    return columns;
  }
  const { sections } = document;
  return {
    id: sections.map((section) => section.id),
    number: sections.map((section) => section.number),
    title: sections.map((section) => section.title),
    level: sections.map((section) => section.level),
    meta: sections.flatMap((section, i) => (Object.keys(section.meta).length > 0 ? [[i, section.meta] as const] : [])),
    sectionPaths: () => sections.map((section) => section.path),
  };
}

/**
 * The sections of the collection whose outline columns pass `test` (given a document's columns and a section's index
 * in them), in reading order: only a document that holds one makes its sections (a folder's 100,000s are not made to
 * find one by its id or number).
 */
export function sectionsWhere(collection: Collection, test: (columns: OutlineColumns, i: number) => boolean): Section[] {
  const found: Section[] = [];
  for (const document of collection.documents) {
    const columns = outlineColumns(document);
    for (let i = 0; i < columns.number.length; i++) if (test(columns, i)) found.push(document.sections[i]);
  }
  return found;
}
