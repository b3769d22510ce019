// Several files → one collection: each file decoded and parsed, the files of a folder in its site's order, numbered
// on from the file before.
import { decodeNotes } from './decode.js';
import type { FrontMatterParsers } from './frontmatter.js';
import { parseDocument } from './parse.js';
import { siteOrder } from './site-order.js';
import type { Collection, NotesDocument, SourceFile } from './types.js';

/** The documents with each folder's files (a run of files found in the same walk) in its site's order. */
function readingOrder(parsed: Array<{ document: NotesDocument; walk?: string }>): NotesDocument[] {
  const ordered: NotesDocument[] = [];
  for (let at = 0; at < parsed.length; ) {
    const { walk } = parsed[at];
    let end = at + 1;
    while (walk !== undefined && end < parsed.length && parsed[end].walk === walk) end++;
    const run = parsed.slice(at, end).map((p) => p.document);
    ordered.push(...(walk === undefined ? run : siteOrder(run)));
    at = end;
  }
  return ordered;
}

/** Top-level numbers of a document parsed from 1, moved to start at `first`; returns how many there are. */
function numberFrom(document: NotesDocument, first: number): number {
  let count = 0;
  for (const section of document.sections) {
    if (section.number === null) continue;
    const [top, ...rest] = section.number.split('.');
    if (rest.length === 0) count++;
    section.number = [String(Number(top) + first - 1), ...rest].join('.');
  }
  return count;
}

/**
 * Builds the collection from files in reading order, a folder's files in its site's order (site-order.ts); top-level
 * numbers run on across files (1–8, then 9 …). `parsers` read front matter: load them when `opensWithFence` says
 * some file may have it.
 */
export function buildCollection(files: SourceFile[], parsers?: FrontMatterParsers): Collection {
  const parsed = files.map((source) => {
    // a binary file is named as the user gave it
    const document = parseDocument(decodeNotes(source.bytes, source.path ?? source.file), source.file, { parsers });
    if (source.path !== undefined) document.path = source.path;
    return { document, walk: source.walk };
  });
  const documents = readingOrder(parsed);
  let nextNumber = 1;
  for (const document of documents) nextNumber += numberFrom(document, nextNumber);
  return { documents, sections: documents.flatMap((d) => d.sections), warnings: documents.flatMap((d) => d.warnings) };
}
