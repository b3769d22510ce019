// Several files → one collection: each file decoded and parsed on its own, a folder's files put in its site's order, then
// numbered on from the file before.
import { assembleCollection, readingOrder } from './assemble.js';
import { decodeSource, repairOutsideCode } from '../markdown/decode.js';
import type { FrontMatterParsers } from '../markdown/frontmatter.js';
import { parseDocument } from '../markdown/parse.js';
import type { Collection, NotesDocument, SourceFile } from '../types.js';

export { assembleCollection } from './assemble.js';

/**
 * One file's document as if it were the only one (its top-level sections numbered from 1), so that it can be kept
 * and reused whatever comes before it. `parsers` read front matter: load them when `opensWithFence` says it may have it.
 */
export function parseSource(source: SourceFile, parsers?: FrontMatterParsers): NotesDocument {
  // a binary file is named as the user gave it
  const exact = decodeSource(source.bytes, source.path ?? source.file);
  const text = repairOutsideCode(exact);
  const document = parseDocument(text, source.file, { parsers });
  if (text !== exact) document.source = exact; // kept only when the repair changed something
  if (source.path !== undefined) document.path = source.path;
  return document;
}

/** Builds the collection from files in reading order, a folder's files in its site's order (site-order.ts). */
export const buildCollection = (files: SourceFile[], parsers?: FrontMatterParsers): Collection =>
  assembleCollection(readingOrder(files.map((source) => ({ document: parseSource(source, parsers), walk: source.walk }))));
