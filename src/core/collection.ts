// Several files → one collection: each file decoded and parsed, numbered on from the file before it.
import { decodeNotes } from './decode.js';
import { parseDocument } from './parse.js';
import type { Collection, NotesDocument, SourceFile } from './types.js';

/** Builds the collection from files in reading order; top-level numbers run on across files (1–8, then 9 …). */
export function buildCollection(files: SourceFile[]): Collection {
  const documents: NotesDocument[] = [];
  let nextNumber = 1;
  for (const source of files) {
    const document = parseDocument(decodeNotes(source.bytes, source.file), source.file, { firstNumber: nextNumber });
    nextNumber += document.sections.filter((s) => s.number !== null && !s.number.includes('.')).length;
    documents.push(document);
  }
  return { documents, sections: documents.flatMap((d) => d.sections) };
}

/** The collection's title: its one document's title, or null for several documents. */
export function collectionTitle(collection: Collection): string | null {
  return collection.documents.length === 1 ? collection.documents[0].title : null;
}
