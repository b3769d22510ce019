// Several files → one collection: each file decoded and parsed, numbered on from the file before it.
import { decodeSource, repairOutsideCode } from './decode.js';
import type { FrontMatterParsers } from './frontmatter.js';
import { parseDocument } from './parse.js';
import type { Collection, NotesDocument, SourceFile } from './types.js';

/**
 * Builds the collection from files in reading order; top-level numbers run on across files (1–8, then 9 …).
 * `parsers` read front matter: load them when `opensWithFence` says some file may have it.
 */
export function buildCollection(files: SourceFile[], parsers?: FrontMatterParsers): Collection {
  const documents: NotesDocument[] = [];
  let nextNumber = 1;
  for (const source of files) {
    // a binary file is named as the user gave it
    const exact = decodeSource(source.bytes, source.path ?? source.file);
    const text = repairOutsideCode(exact);
    const document = parseDocument(text, source.file, { firstNumber: nextNumber, parsers });
    if (text !== exact) document.source = exact; // kept only when the repair changed something
    if (source.path !== undefined) document.path = source.path;
    nextNumber += document.sections.filter((s) => s.number !== null && !s.number.includes('.')).length;
    documents.push(document);
  }
  return { documents, sections: documents.flatMap((d) => d.sections), warnings: documents.flatMap((d) => d.warnings) };
}
