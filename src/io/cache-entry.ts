// A cache entry's bytes: its format, a payload, and a SHA-256 checksum of both; the notes payload is a header (the
// build, each file's stamp, each document's fields and its sections column by column) and the documents' texts.
// Every field is checked on read, since a value printed as it is must be what a parse gives.
import { createHash } from 'node:crypto';
import { lineStarts } from '../core/markdown/lines.js';
import type { Collection, MetaValue, NotesDocument, Section, Warning } from '../core/types.js';
import { arrayOf, isCount, isLevel, isLine, isMetaValue, isOutlineNumber, isPlainName, isRecord, isString, isWarning, optional, recordOf, shape } from './cache-schema.js';
import { readNotesFile, SizeBudget } from './notes-file.js';
import { diskPathOf, type ListedFile } from './sources.js';

/** Bumped whenever what is stored changes shape. */
const FORMAT = 3;
const FORMAT_BYTES = 4;
const CHECKSUM_BYTES = 32;

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A notes file as it was read: name, path, size, mtime, ctime, device, inode, and the hash of its bytes or null. */
export type Stamp = [string, string, number, number, number, number, number, string | null];

/** The sections of a document, column by column (the shape JSON reads fastest); a section's path and file are derived. */
interface StoredSections {
  id: string[];
  number: Array<string | null>;
  title: string[];
  level: number[];
  line: number[];
  /** Where each section's Markdown starts and ends in the document's text. */
  start: number[];
  end: number[];
  /** Only the sections that have metadata: [index, meta]. */
  meta: Array<[number, Record<string, string>]>;
}

interface StoredDocument {
  file: string;
  title: string;
  titleId?: string;
  meta: Record<string, MetaValue>;
  warnings: Warning[];
  /** Bytes of the document's text (UTF-8) after the header. */
  bytes: number;
  /** Bytes of its source (the text before repair) right after the text, where the two differ. */
  sourceBytes?: number;
  sections: StoredSections;
}

interface Header {
  /** The build of kubenotes that wrote it: its version and when it was built. */
  build: string;
  stamps: Stamp[];
  documents: StoredDocument[];
}

/** Are the files the ones stamped: the same file, size and times, and where a hash was kept, the same bytes? */
function stampsHold(stored: unknown, current: Stamp[], files: ListedFile[]): boolean {
  if (!Array.isArray(stored) || stored.length !== current.length) return false;
  return current.every((stamp, i) => {
    const kept = stored[i] as unknown[];
    if (!Array.isArray(kept) || kept.length !== stamp.length || !stamp.slice(0, 7).every((value, j) => kept[j] === value)) return false;
    if (kept[7] === null) return true;
    try {
      return kept[7] === sha256(readNotesFile(stamp[1], new SizeBudget(), diskPathOf(files[i])));
    } catch {
      return false;
    }
  });
}

/** An entry's pieces between its format and its checksum, which covers both. */
export function* seal(pieces: Iterable<string | Uint8Array>): Generator<Uint8Array> {
  const hash = createHash('sha256');
  const format = Buffer.alloc(FORMAT_BYTES);
  format.writeUInt32LE(FORMAT);
  hash.update(format);
  yield format;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    hash.update(bytes);
    yield bytes;
  }
  yield hash.digest();
}

/** What an entry holds, if it is of this format and its checksum holds. */
export function unseal(entry: Buffer | undefined): { bytes: Buffer; checksum: string } | undefined {
  if (!entry || entry.length < FORMAT_BYTES + CHECKSUM_BYTES || entry.readUInt32LE(0) !== FORMAT) return undefined;
  const end = entry.length - CHECKSUM_BYTES;
  const checksum = entry.subarray(end).toString('hex');
  if (sha256(entry.subarray(0, end)) !== checksum) return undefined;
  return { bytes: entry.subarray(FORMAT_BYTES, end), checksum };
}

/** A 4-byte header length, the header as JSON, then each document's text: all UTF-8. */
export function encode(collection: Collection, build: string, stamps: Stamp[]): Uint8Array[] {
  const texts = collection.documents.map((document) => Buffer.from(document.text, 'utf8'));
  const sources = collection.documents.map((document) => (document.source === undefined ? undefined : Buffer.from(document.source, 'utf8')));
  const header: Header = {
    build,
    stamps,
    documents: collection.documents.map((document, i) => ({
      file: document.file,
      title: document.title,
      titleId: document.titleId,
      meta: document.meta,
      warnings: document.warnings,
      bytes: texts[i].length,
      sourceBytes: sources[i]?.length,
      sections: storeSections(document),
    })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return [length, json, ...texts.flatMap((text, i) => (sources[i] ? [text, sources[i]] : [text]))];
}

function storeSections(document: NotesDocument): StoredSections {
  const stored: StoredSections = { id: [], number: [], title: [], level: [], line: [], start: [], end: [], meta: [] };
  const lines = lineStarts(document.text);
  document.sections.forEach((section, i) => {
    // a section's Markdown is the slice of the text from its heading's line on
    const start = lines[section.line - 1];
    stored.id.push(section.id);
    stored.number.push(section.number);
    stored.title.push(section.title);
    stored.level.push(section.level);
    stored.line.push(section.line);
    stored.start.push(start);
    stored.end.push(start + section.markdown.length);
    if (Object.keys(section.meta).length) stored.meta.push([i, section.meta]);
  });
  return stored;
}

const isStoredDocument = shape({
  file: isString,
  title: isString,
  titleId: optional(isPlainName),
  meta: recordOf(isMetaValue),
  warnings: arrayOf(isWarning),
  bytes: isCount,
  sourceBytes: optional(isCount),
  sections: shape({
    id: arrayOf(isPlainName),
    number: arrayOf(isOutlineNumber),
    title: arrayOf(isString),
    level: arrayOf(isLevel),
    line: arrayOf(isLine),
    start: arrayOf(isCount),
    end: arrayOf(isCount),
    meta: arrayOf((pair) => Array.isArray(pair) && pair.length === 2 && isCount(pair[0]) && recordOf(isString)(pair[1])),
  }),
});

/** Do the section columns agree with each other and with the document's text? */
function sectionsFit(stored: StoredSections, textLength: number): boolean {
  const count = stored.id.length;
  const columns = [stored.number, stored.title, stored.level, stored.line, stored.start, stored.end];
  return (
    columns.every((column) => column.length === count) &&
    stored.start.every((start, i) => start <= stored.end[i] && stored.end[i] <= textLength) &&
    stored.meta.every(([index]) => index < count)
  );
}

/** The collection an entry's payload holds, and its stamps, if they are this build's and the files are as stamped. */
function decode(payload: Buffer, build: string, stamps: Stamp[], files: ListedFile[]): { collection: Collection; stamps: Stamp[] } | undefined {
  const length = payload.readUInt32LE(0);
  const header = JSON.parse(payload.toString('utf8', 4, 4 + length)) as Header;
  if (!isRecord(header) || header.build !== build || !stampsHold(header.stamps, stamps, files)) return undefined;
  if (!Array.isArray(header.documents) || header.documents.length !== files.length || !header.documents.every(isStoredDocument)) return undefined;
  let offset = 4 + length;
  const documents: NotesDocument[] = [];
  const listed = new Map(files.map((file) => [file.file, file])); // documents are in their site's order, not the walk's
  for (const stored of header.documents) {
    const file = listed.get(stored.file);
    if (!file || offset + stored.bytes + (stored.sourceBytes ?? 0) > payload.length) return undefined;
    const text = payload.toString('utf8', offset, (offset += stored.bytes));
    if (!sectionsFit(stored.sections, text.length)) return undefined;
    const document: NotesDocument = { file: stored.file, title: stored.title, meta: stored.meta, text, sections: [], warnings: stored.warnings };
    if (stored.sourceBytes !== undefined) document.source = payload.toString('utf8', offset, (offset += stored.sourceBytes));
    if (stored.titleId !== undefined) document.titleId = stored.titleId;
    document.sections = restoreSections(stored.sections, document);
    if (file.path !== undefined) document.path = file.path;
    documents.push(document);
  }
  if (offset !== payload.length) return undefined; // cut short or run on: not what was written
  const collection = { documents, sections: documents.flatMap((d) => d.sections), warnings: documents.flatMap((d) => d.warnings) };
  return { collection, stamps: header.stamps };
}

/** The sections as parsed: a numbered section's path is its outline parent's path and its title. */
function restoreSections(stored: StoredSections, document: NotesDocument): Section[] {
  const meta = new Map(stored.meta);
  const open: string[][] = []; // the path of the last numbered section at each depth
  return stored.id.map((id, i) => {
    const number = stored.number[i];
    const title = stored.title[i];
    let path = [title];
    if (number !== null) {
      const depth = number.split('.').length;
      // an outline number deeper than the one before it has no parent: not what a parse gives
      if (depth > open.length + 1) throw new Error('outline number out of order');
      path = depth > 1 ? [...open[depth - 2], title] : path;
      open.length = depth - 1;
      open.push(path);
    }
    return {
      id,
      number,
      title,
      level: stored.level[i],
      path,
      line: stored.line[i],
      file: document.file,
      meta: meta.get(i) ?? {},
      markdown: document.text.slice(stored.start[i], stored.end[i]),
    };
  });
}

/** The collection and stamps an entry holds, with the entry's checksum; undefined for anything not to be used. */
export function openEntry(entry: Buffer | undefined, build: string, stamps: Stamp[], files: ListedFile[]): { collection: Collection; stamps: Stamp[]; checksum: string } | undefined {
  const payload = unseal(entry);
  if (!payload) return undefined;
  try {
    const opened = decode(payload.bytes, build, stamps, files);
    return opened && { ...opened, checksum: payload.checksum };
  } catch {
    return undefined; // corrupt or from another build: read the notes instead
  }
}
