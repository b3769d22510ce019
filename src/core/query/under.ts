// `--under <folder>`: the part of a collection below one of its folders, numbers and ids as in the whole.
import { NoNotes } from '../errors.js';
import type { Collection } from '../types.js';

/** A folder as typed: slashes, no leading `./`, no trailing slash; `.` or empty is the notes' root. */
const folderPath = (folder: string): string =>
  folder
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
    .replace(/^\.$/, '');

/** Is a file of the notes (its name as `list` shows it) below `folder`? */
export function isUnder(file: string, folder: string): boolean {
  const path = folderPath(folder);
  return path === '' || file === path || file.startsWith(`${path}/`);
}

/**
 * The collection cut to the files below `folder`: the same documents and sections, so numbers, ids and the links
 * between them are those of the whole. NoNotes when no file is there.
 */
export function collectionUnder(collection: Collection, folder: string): Collection {
  const documents = collection.documents.filter((d) => isUnder(d.file, folder));
  if (documents.length === 0) throw new NoNotes(folder, 'no page of the notes is under this folder (folders are relative to the notes)');
  return {
    documents,
    sections: documents.flatMap((d) => d.sections),
    warnings: collection.warnings.filter((w) => isUnder(w.file, folder)),
    whole: collection.whole ?? collection,
  };
}
