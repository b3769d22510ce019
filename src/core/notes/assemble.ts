// Documents parsed one by one → one collection, their outline numbers run on from file to file: kept apart from the
// parser, so that a collection of documents from the cache is put together without loading it.
import { numberedAfter } from './documents.js';
import { siteOrder } from './site-order.js';
import type { Collection, NotesDocument } from '../types.js';

/** The documents with each folder's files (a run of files found in the same walk) in its site's order. */
export function readingOrder(parsed: Array<{ document: NotesDocument; walk?: string }>): NotesDocument[] {
  const ordered: NotesDocument[] = [];
  for (let at = 0; at < parsed.length; ) {
    const { walk } = parsed[at];
    let end = at + 1;
    while (walk !== undefined && end < parsed.length && parsed[end].walk === walk) end++;
    const run = parsed.slice(at, end).map((p) => p.document);
    // one at a time: a folder's files may be more than a call takes arguments
    for (const document of walk === undefined ? run : siteOrder(run)) ordered.push(document);
    at = end;
  }
  return ordered;
}

/** Documents each numbered from 1, in reading order, as one collection: top-level numbers run on (1–8, then 9 …). */
export function assembleCollection(documents: NotesDocument[]): Collection {
  let before = 0; // top-level sections in the files before this one
  for (const document of documents) {
    let top = 0;
    for (const section of document.sections) {
      if (section.number === null) continue;
      if (!section.number.includes('.')) top++;
      if (before > 0) section.number = numberedAfter(section.number, before);
    }
    before += top;
  }
  return { documents, sections: documents.flatMap((d) => d.sections), warnings: documents.flatMap((d) => d.warnings) };
}
