// Documents parsed one by one → one collection, their outline numbers run on from file to file: kept apart from the
// parser, so that a collection of documents from the cache is put together without loading it.
import type { Collection, NotesDocument } from './types.js';

/** Documents each numbered from 1, in reading order, as one collection: top-level numbers run on (1–8, then 9 …). */
export function assembleCollection(documents: NotesDocument[]): Collection {
  let before = 0; // top-level sections in the files before this one
  for (const document of documents) {
    let top = 0;
    for (const section of document.sections) {
      if (section.number === null) continue;
      const dot = section.number.indexOf('.');
      const first = Number(dot === -1 ? section.number : section.number.slice(0, dot));
      if (dot === -1) top++;
      if (before > 0) section.number = `${first + before}${dot === -1 ? '' : section.number.slice(dot)}`;
    }
    before += top;
  }
  return { documents, sections: documents.flatMap((d) => d.sections), warnings: documents.flatMap((d) => d.warnings) };
}
