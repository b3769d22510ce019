// A cache entry's bytes. A file's entry is headed: its format, a header (the build, the file's stamp, its document's
// fields and sections column by column, the hash of its text, its words) with a SHA-256 checksum of its own, then its
// texts, checked against their hash when first read. The notes entry of a set of notes is sealed whole with the
// cache's own key: its header holds every document's fields and the stamps, then each document's outline follows,
// parsed only when a command first reads it; the key stands for the checks, so an entry no kubenotes wrote is never
// used, and an outline is read from the entry as it was checked (held open: kubenotes writes an entry anew only by
// renaming a new file over it). Other entries are sealed whole: format, payload, checksum. Every field read is
// checked, since a value printed as it is must be what a parse gives.
import { sha256, sha256Bytes } from './sha256.js';
import { decodeSource, repairOutsideCode } from '../core/markdown/decode.js';
import { lineStarts } from '../core/markdown/lines.js';
import { DOCUMENT_SOURCE, keptPaths, numberedAfter, outlineDepth, outlinePaths, type DocumentSource } from '../core/notes/documents.js';
import { lazily, sharedLazily } from '../core/notes/lazy.js';
import type { Collection, MetaValue, NotesDocument, Section, Warning } from '../core/types.js';
import {
  arrayOf,
  isCount,
  isLevel,
  isLine,
  isMetaValue,
  isOutlineNumber,
  isPlainName,
  isRecord,
  isString,
  isWarning,
  optional,
  recordOf,
  shape,
} from './cache-schema.js';
import { readNotesFile, SizeBudget } from './notes-file.js';
import { diskPathOf, type ListedFile } from './sources.js';
import type { OpenEntry, ReadAt } from './cache-store.js';
import { CHECKSUM_BYTES, FORMAT, FORMAT_BYTES, seal, sealChecksum } from './sealed.js';

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
  /** Only the sections whose path is not their outline parent's path and their title (a tab's label in it): [index, path]. */
  paths: Array<[number, string[]]>;
}

interface StoredDocument {
  file: string;
  title: string;
  titleId?: string;
  meta: Record<string, MetaValue>;
  warnings: Warning[];
  /** Bytes of the document's text (UTF-8) in its file's entry. */
  bytes: number;
  /** Bytes of its source (the text before repair) right after the text, where the two differ. */
  sourceBytes?: number;
  /** SHA-256 of the text and source bytes: what a read of them is checked against. */
  hash: string;
  /** In a file's entry: the sections. */
  sections?: StoredSections;
  /** In the notes entry: the bytes of the sections (as JSON) after the header. */
  outline?: number;
  /** In the notes entry: the top-level sections of the documents before it, which its outline numbers run on from. */
  before?: number;
}

interface Header {
  /** The build of kubenotes that wrote it: its version and when it was built. */
  build: string;
  stamps: Stamp[];
  documents: StoredDocument[];
  /**
   * A notes entry's: the SHA-256 of its build, documents and outlines, everything it holds but the stamps: what is made
   * from the notes is the same while it is (a file touched, checked out again, saved unchanged changes only a stamp).
   */
  content?: string;
  /** A file's entry (and only a file's): its document's words (see term-index.ts); its texts follow the header. */
  terms?: unknown;
}

/** A document's text and source as a file's entry keeps them. */
export interface Texts {
  text: string;
  source?: string;
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

/** A headed entry: format and header length (4 bytes each), the header as JSON, its checksum, then the body. */
export function* sealHeaded(header: unknown, body: Uint8Array[]): Generator<Uint8Array> {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(2 * FORMAT_BYTES);
  head.writeUInt32LE(FORMAT, 0);
  head.writeUInt32LE(json.length, FORMAT_BYTES);
  yield head;
  yield json;
  yield sha256Bytes(head, json);
  yield* body;
}

/** A headed entry's header, if its checksum holds, with where its body starts and that checksum. */
export function openHeader(readAt: ReadAt): { header: unknown; body: number; checksum: string } | undefined {
  const head = readAt(0, 2 * FORMAT_BYTES);
  if (!head || head.readUInt32LE(0) !== FORMAT) return undefined;
  const length = head.readUInt32LE(FORMAT_BYTES);
  const rest = readAt(head.length, length + CHECKSUM_BYTES);
  if (!rest) return undefined;
  const checksum = rest.subarray(length).toString('hex');
  if (sha256(head, rest.subarray(0, length)) !== checksum) return undefined;
  return { header: JSON.parse(rest.toString('utf8', 0, length)), body: head.length + rest.length, checksum };
}

/** A document's text and source as bytes, and their hash: the body of its file's entry. */
export function documentBody(document: Texts): { pieces: Buffer[]; hash: string } {
  const pieces = [Buffer.from(document.text, 'utf8'), ...(document.source === undefined ? [] : [Buffer.from(document.source, 'utf8')])];
  return { pieces, hash: sha256(...pieces) };
}

/**
 * Where texts up to a size are read into on their way to strings: a search reads 1,000s of files' texts, each let go
 * at once, and a buffer each was memory outside the heap until the collector ran.
 */
let textsBuffer = Buffer.alloc(0);
const TEXTS_BUFFER_MAX_BYTES = 1 << 20;

/**
 * The texts of a document at the start of a headed entry's body, if they are the ones hashed. The header is not read:
 * the texts are checked against their hash as the notes entry keeps it, and a file's header holds its words.
 */
export function readTexts(readAt: ReadAt, stored: { bytes: number; sourceBytes?: number; hash: string }): Texts | undefined {
  const head = readAt(0, 2 * FORMAT_BYTES);
  if (!head || head.readUInt32LE(0) !== FORMAT) return undefined;
  const length = stored.bytes + (stored.sourceBytes ?? 0);
  if (textsBuffer.length < length && length <= TEXTS_BUFFER_MAX_BYTES)
    textsBuffer = Buffer.allocUnsafe(Math.min(TEXTS_BUFFER_MAX_BYTES, Math.max(length, 2 * textsBuffer.length, 64 * 1024)));
  const bytes = readAt(head.length + head.readUInt32LE(FORMAT_BYTES) + CHECKSUM_BYTES, length, textsBuffer);
  if (!bytes || sha256(bytes) !== stored.hash) return undefined;
  const text = bytes.toString('utf8', 0, stored.bytes);
  return stored.sourceBytes === undefined ? { text } : { text, source: bytes.toString('utf8', stored.bytes) };
}

/** A listed file's texts read and decoded afresh, as a parse does: where its entry no longer holds them. */
export function decodedTexts(listed: ListedFile, bytes = readNotesFile(listed.path!, new SizeBudget(), listed.at)): Texts {
  const exact = decodeSource(bytes, listed.path!);
  const text = repairOutsideCode(exact);
  return text === exact ? { text } : { text, source: exact };
}

/** Where a document's texts are kept: their size in bytes and their hash. */
type TextsKept = (document: NotesDocument) => { hash: string; bytes: number; sourceBytes?: number };

/** A document's outline as a file's entry keeps it (numbered from 1), and the bytes it was sealed as, where it was read from them. */
export interface KeptOutline {
  sections: StoredSections;
  sealed?: Buffer;
}

/** How many top-level sections an outline has: the numbers of the next file's run on from them. */
const topLevel = (sections: StoredSections): number => sections.number.filter((n) => n !== null && !n.includes('.')).length;

const storedFields = (document: NotesDocument, kept: TextsKept) => ({
  file: document.file,
  title: document.title,
  titleId: document.titleId,
  meta: document.meta,
  warnings: document.warnings,
  ...kept(document),
});

/** The header of a file's entry: its document's fields and sections (as `storeSections` gives them), its texts by size and hash. */
export function encodeHeader(document: NotesDocument, build: string, stamp: Stamp, kept: TextsKept, sections: StoredSections): Header {
  return { build, stamps: [stamp], documents: [{ ...storedFields(document, kept), sections }] };
}

/**
 * The notes entry (see the top of this file): its pieces, sealed with `key`. Each document's outline is the one its
 * file's entry keeps (`outlineOf`: numbered from 1, as if the file were alone), with the top-level sections before it.
 */
export function notesEntry(
  collection: Collection,
  build: string,
  stamps: Stamp[],
  kept: TextsKept,
  outlineOf: (document: NotesDocument) => KeptOutline,
  key: Buffer,
): { pieces: Iterable<Uint8Array>; content: string } {
  // an outline taken from the last notes entry goes in as the bytes it was sealed as
  const outlines = collection.documents.map((document) => {
    const { sections, sealed } = outlineOf(document);
    return sealed ?? Buffer.from(JSON.stringify(sections), 'utf8');
  });
  let before = 0;
  const documents = collection.documents.map((document, i) => {
    const stored = { ...storedFields(document, kept), outline: outlines[i].length, before };
    before += topLevel(outlineOf(document).sections);
    return stored;
  });
  const content = sha256(JSON.stringify([build, documents]), ...outlines);
  return { pieces: notesPieces({ build, stamps, documents, content }, outlines, key), content };
}

/** A notes entry's pieces: its header's length, the header, the outlines; sealed with `key`. */
function notesPieces(header: Header, outlines: Uint8Array[], key: Buffer): Iterable<Uint8Array> {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(FORMAT_BYTES);
  length.writeUInt32LE(json.length);
  return seal([length, json, ...outlines], key);
}

/**
 * The notes entry `sealed` as it is but for its files' stamps, `stamps` (files touched since, their texts as they
 * were); undefined if an outline can no longer be read from it.
 */
export function restampedNotes(sealed: SealedNotes, stamps: Stamp[], key: Buffer): Iterable<Uint8Array> | undefined {
  const outlines: Buffer[] = [];
  for (let index = 0; index < sealed.header.documents.length; index++) {
    const bytes = sealed.outlineBytes(index);
    if (!bytes) return undefined;
    outlines.push(bytes);
  }
  return notesPieces({ ...sealed.header, stamps }, outlines, key);
}

/** A document's sections, column by column, as an entry keeps them. */
export function storeSections(document: NotesDocument): StoredSections {
  const stored: StoredSections = { id: [], number: [], title: [], level: [], line: [], start: [], end: [], meta: [], paths: [] };
  const lines = lineStarts(document.text);
  outlinePaths(
    document.sections.map((s) => s.number),
    document.sections.map((s) => s.title),
    (i, derived) => {
      const { path } = document.sections[i];
      if (path.length !== derived.length || path.some((title, at) => title !== derived[at])) stored.paths.push([i, path]);
      return path;
    },
  );
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

const isStoredSections = shape({
  id: arrayOf(isPlainName),
  number: arrayOf(isOutlineNumber),
  title: arrayOf(isString),
  level: arrayOf(isLevel),
  line: arrayOf(isLine),
  start: arrayOf(isCount),
  end: arrayOf(isCount),
  meta: arrayOf((pair) => Array.isArray(pair) && pair.length === 2 && isCount(pair[0]) && recordOf(isString)(pair[1])),
  paths: arrayOf((pair) => Array.isArray(pair) && pair.length === 2 && isCount(pair[0]) && arrayOf(isString)(pair[1])),
});

const documentFields = {
  file: isString,
  title: isString,
  titleId: optional(isPlainName),
  meta: recordOf(isMetaValue),
  warnings: arrayOf(isWarning),
  bytes: isCount,
  sourceBytes: optional(isCount),
  hash: isString,
};
const isFileDocument = shape({ ...documentFields, sections: isStoredSections });
const isNotesDocument = shape({ ...documentFields, outline: isCount, before: isCount });

/** Are these sections what a parse of a text of `bytes` UTF-8 bytes gives? */
const isOutlineOf = (sections: unknown, bytes: number): sections is StoredSections =>
  isStoredSections(sections) && sectionsFit(sections as StoredSections, bytes);

/** Do the section columns agree with each other and with the document's text? */
function sectionsFit(stored: StoredSections, textLength: number): boolean {
  const count = stored.id.length;
  const columns = [stored.number, stored.title, stored.level, stored.line, stored.start, stored.end];
  return (
    columns.every((column) => column.length === count) &&
    stored.start.every((start, i) => start <= stored.end[i] && stored.end[i] <= textLength) &&
    stored.meta.every((pair) => pair[0] < count) &&
    stored.paths.every((pair) => pair[0] < count) &&
    outlineInOrder(stored.number)
  );
}

/** Does each outline number go at most one level deeper than the one before it, as a parse numbers them? */
function outlineInOrder(numbers: Array<string | null>): boolean {
  let depth = 0;
  // by index: a for-of costs an iterator until V8 optimizes this, and it runs for every section of a folder
  for (let i = 0; i < numbers.length; i++) {
    const number = numbers[i];
    if (number === null) continue;
    const next = outlineDepth(number);
    if (next > depth + 1) return false;
    depth = next;
  }
  return true;
}

/**
 * The collection an entry's header holds, and its stamps, if they are this build's and the files are as stamped.
 * Each document's text (and its sections' Markdown) is read by `texts` when first used, its sections by `outline`
 * (a file's entry holds them in its header, checked here; the notes entry after it, see openNotes).
 */
function decode(
  header: Header,
  build: string,
  stamps: Stamp[],
  files: ListedFile[],
  texts: (stored: StoredDocument, file: ListedFile) => Texts,
  outline?: (index: number) => StoredSections,
): { collection: Collection; stamps: Stamp[] } | undefined {
  if (!isRecord(header) || header.build !== build || !stampsHold(header.stamps, stamps, files)) return undefined;
  // the notes entry's documents were checked as it was opened (sealedNotes); a file's entry's are checked here
  if (!Array.isArray(header.documents) || header.documents.length !== files.length || !(outline || header.documents.every(isFileDocument)))
    return undefined;
  const documentFiles: ListedFile[] = [];
  const listed = new Map(files.map((file) => [file.file, file])); // documents are in their site's order, not the walk's
  for (const stored of header.documents) {
    const file = listed.get(stored.file);
    // a string of n UTF-8 bytes has at most n UTF-16 units: a section past that is not what a parse gives
    if (!file || !(outline || sectionsFit(stored.sections!, stored.bytes))) return undefined;
    documentFiles.push(file);
  }
  // the documents made when first read: a command whose output was kept for these notes reads none of them
  const collection: Collection = { documents: [], sections: [], warnings: header.documents.flatMap((stored) => stored.warnings) };
  lazily(collection, 'documents', () =>
    header.documents.map((stored, index) =>
      storedDocument(stored, documentFiles[index], texts, () => outline?.(index) ?? stored.sections!),
    ),
  );
  lazily(collection, 'sections', () => collection.documents.flatMap((d) => d.sections));
  return { collection, stamps: header.stamps };
}

/** What a stored document's text and sections are read from (see DOCUMENT_SOURCE). */
interface StoredSource extends DocumentSource {
  stored: StoredDocument;
  file: ListedFile;
  texts: (stored: StoredDocument, file: ListedFile) => Texts;
  outline: () => StoredSections;
  read?: Texts;
}
type StoredNotesDocument = NotesDocument & { [DOCUMENT_SOURCE]: StoredSource };

/**
 * A document's texts, read from its entry or file: kept (for the other to be read from the same read) only where the
 * document has both a text and a source, so that a read of the text alone (see readOnce) keeps nothing.
 */
const textsOf = (document: StoredNotesDocument): Texts => {
  const source = document[DOCUMENT_SOURCE];
  if (source.read) return source.read;
  const read = source.texts(source.stored, source.file);
  if (source.stored.sourceBytes !== undefined) source.read = read;
  return read;
};
const lazyText = sharedLazily<StoredNotesDocument>('text', (document) => textsOf(document).text);
const lazySource = sharedLazily<StoredNotesDocument>('source', (document) => textsOf(document).source ?? textsOf(document).text);
const lazySections = sharedLazily<StoredNotesDocument>('sections', (document) =>
  restoreSections(document[DOCUMENT_SOURCE].outline(), document),
);

/**
 * The document an entry keeps for a file: its text read by `texts` when first used, its sections restored from
 * `outline` when first read (a command that reads one page, as show does, restores that page's sections alone).
 */
export function storedDocument(
  stored: StoredDocument,
  file: ListedFile,
  texts: (stored: StoredDocument, file: ListedFile) => Texts,
  outline: () => StoredSections,
): NotesDocument {
  const document: NotesDocument = {
    file: stored.file,
    title: stored.title,
    meta: stored.meta,
    text: '',
    sections: [],
    warnings: stored.warnings,
  };
  Object.defineProperty(document, DOCUMENT_SOURCE, { value: { stored, file, texts, outline } });
  Object.defineProperty(document, 'text', lazyText);
  if (stored.sourceBytes !== undefined) Object.defineProperty(document, 'source', lazySource);
  if (stored.titleId !== undefined) document.titleId = stored.titleId;
  Object.defineProperty(document, 'sections', lazySections);
  if (file.path !== undefined) document.path = file.path;
  return document;
}

/** Where a restored section's text is: its document and its outline as stored (not enumerable: not part of a section). */
const SECTION_SOURCE = Symbol('section source');
const INDEX = Symbol('index');
type RestoredSection = Section & { [SECTION_SOURCE]: { document: NotesDocument; stored: StoredSections }; [INDEX]: number };

const lazyMarkdown = sharedLazily<RestoredSection>('markdown', (section) => {
  const { document, stored } = section[SECTION_SOURCE];
  const i = section[INDEX];
  return document.text.slice(stored.start[i], stored.end[i]);
});

/** The sections as parsed. */
function restoreSections(stored: StoredSections, document: NotesDocument): Section[] {
  const meta = new Map(stored.meta);
  const paths = keptPaths(stored);
  const source = { document, stored };
  return stored.id.map((id, i) => {
    const section = {
      id,
      number: stored.number[i],
      title: stored.title[i],
      level: stored.level[i],
      path: paths[i],
      line: stored.line[i],
      file: document.file,
      meta: meta.get(i) ?? {},
    } as Section;
    Object.defineProperty(section, 'markdown', lazyMarkdown);
    Object.defineProperty(section, SECTION_SOURCE, { value: source });
    Object.defineProperty(section, INDEX, { value: i });
    return section;
  });
}

/** Sections numbered from 1 (a file's entry keeps them so), numbered on from `before` top-level sections. */
function numberedOn(sections: StoredSections, before: number): StoredSections {
  const number = sections.number.map((n) => (n === null || before === 0 ? n : numberedAfter(n, before)));
  return { ...sections, number };
}

/** A notes entry sealed with the key, by this build: its header and each document's outline, whatever the files are now. */
export interface SealedNotes {
  /** Its header, with the hash of what the entry holds but its stamps (`content`). */
  header: Header & { content: string };
  /** The outline of `header.documents[index]` as its file's entry keeps it (numbered from 1); undefined if it is not one a parse gives. */
  outline(index: number): StoredSections | undefined;
  /** The bytes the outline of `header.documents[index]` is sealed as, if they can still be read. */
  outlineBytes(index: number): Buffer | undefined;
  /** Closes the entry, which no outline is read from after: some file systems rename a new entry over a closed one only. */
  release(): void;
  /** Where the entry keeps the file named `file`: its document's index and its stamp as it was then. */
  find(file: string): { index: number; stamp: unknown } | undefined;
}

/** Outlines are read this many bytes at a time into one buffer: a command that reads them reads them in order. */
const OUTLINE_WINDOW_BYTES = 1 << 20;

/** A notes entry stays open while its collection may read outlines from it: let go when that is collected. */
const closeWhenCollected = new FinalizationRegistry<OpenEntry>((entry) => entry.close());

/**
 * The notes entry, if it was sealed with `key` by this build and is of this shape; undefined for anything not to be
 * used. Its outlines are read from the entry as it was checked, held open, when first asked for.
 */
export function sealedNotes(entry: OpenEntry | undefined, key: Buffer, build: string): SealedNotes | undefined {
  const sealed = entry && sealChecksum(entry.readAt, entry.size, key) !== undefined ? notesOf(entry, build) : undefined;
  if (sealed) closeWhenCollected.register(sealed, entry!);
  else entry?.close();
  return sealed;
}

/** The notes entry checked already: its header read and checked, its outlines read when asked for. */
function notesOf(entry: OpenEntry, build: string): SealedNotes | undefined {
  const { readAt, size } = entry;
  try {
    const length = readAt(FORMAT_BYTES, FORMAT_BYTES)!.readUInt32LE(0);
    const header = JSON.parse(readAt(2 * FORMAT_BYTES, length)!.toString('utf8')) as Header;
    if (!isRecord(header) || header.build !== build || !arrayOf(isNotesDocument)(header.documents) || !Array.isArray(header.stamps))
      return undefined;
    if (!isString(header.content)) return undefined;
    const starts = [2 * FORMAT_BYTES + length];
    for (const stored of header.documents) starts.push(starts.at(-1)! + stored.outline!);
    const end = size - CHECKSUM_BYTES;
    if (starts.at(-1) !== end) return undefined;
    const empty = { at: 0, bytes: Buffer.alloc(0) };
    let window: { at: number; bytes: Buffer } = empty;
    let reused: Buffer | undefined;
    let next = 0;
    /**
     * The bytes of the outline of document `index`: from a window of outlines read ahead, when it is the one after the
     * last asked for (a command going through the documents in order), else read alone (a file's, a page's).
     */
    const outlineAt = (index: number): Buffer | undefined => {
      const from = starts[index];
      const to = starts[index + 1];
      const inWindow = from >= window.at && to <= window.at + window.bytes.length;
      const ahead = index === next;
      next = index + 1;
      if (inWindow) return window.bytes.subarray(from - window.at, to - window.at);
      if (!ahead) return readAt(from, to - from);
      window = empty; // the reused buffer is about to be overwritten, whether or not the read succeeds
      reused ??= Buffer.allocUnsafe(OUTLINE_WINDOW_BYTES);
      const bytes = readAt(from, Math.max(to - from, Math.min(OUTLINE_WINDOW_BYTES, end - from)), reused);
      if (bytes) window = { at: from, bytes };
      return bytes?.subarray(0, to - from);
    };
    const outline = (index: number): StoredSections | undefined => {
      try {
        const sections: unknown = JSON.parse(outlineAt(index)!.toString('utf8'));
        return isOutlineOf(sections, header.documents[index].bytes) ? sections : undefined;
      } catch {
        return undefined;
      }
    };
    let byFile: Map<string, { index: number; stamp: unknown }> | undefined;
    const find = (file: string) => {
      if (!byFile) {
        const stampOf = new Map(header.stamps.map((stamp) => [Array.isArray(stamp) ? stamp[0] : undefined, stamp as unknown]));
        byFile = new Map(header.documents.map((stored, index) => [stored.file, { index, stamp: stampOf.get(stored.file) }]));
      }
      return byFile.get(file);
    };
    const outlineBytes = (index: number) => {
      const bytes = outlineAt(index);
      return bytes && Buffer.from(bytes); // a copy: a window's bytes are read over
    };
    return { header: header as Header & { content: string }, outline, outlineBytes, find, release: () => entry.close() };
  } catch {
    return undefined; // not an entry of this shape: read the notes instead
  }
}

/**
 * The collection a sealed notes entry holds, and its stamps, if the files are as stamped. `texts` reads a document's
 * texts (see decode). Each outline is parsed when first read; one that is not what a parse gives (sealed by a
 * kubenotes that wrote it wrong) is taken from the file's own entry, which `ownOutline` reads (checked as a file's
 * entry is, and kept for the same text), or is an error.
 */
export function openNotes(
  sealed: SealedNotes,
  stamps: Stamp[],
  files: ListedFile[],
  texts: (stored: StoredDocument, file: ListedFile) => Texts,
  ownOutline: (stored: StoredDocument) => StoredSections | undefined,
): { collection: Collection; stamps: Stamp[] } | undefined {
  const { header } = sealed;
  const outline = (index: number): StoredSections => {
    const stored = header.documents[index];
    const own = sealed.outline(index) ?? ownOutline(stored);
    if (!own) throw new Error(`the cache holds no outline of ${stored.file} that a parse gives; remove the cache folder`);
    return numberedOn(own, stored.before!);
  };
  try {
    return decode(header, header.build, stamps, files, texts, outline);
  } catch {
    return undefined; // files that cannot be looked at: read the notes instead
  }
}

/**
 * The document a sealed notes entry keeps for the listed `file`, if the file is still as stamped then: numbered from
 * 1 (as if alone), with the outline it was restored from.
 */
export function keptDocument(
  sealed: SealedNotes,
  stamp: Stamp,
  file: ListedFile,
  texts: (stored: StoredDocument, file: ListedFile) => Texts,
): { document: NotesDocument; stored: StoredDocument; stamp: Stamp; outline: KeptOutline } | undefined {
  const found = sealed.find(file.file);
  if (!found || !stampsHold([found.stamp], [stamp], [file])) return undefined;
  const sections = sealed.outline(found.index);
  if (!sections) return undefined;
  const stored = sealed.header.documents[found.index];
  const outline = { sections, sealed: sealed.outlineBytes(found.index) };
  return { document: storedDocument(stored, file, texts, () => sections), stored, stamp: found.stamp as Stamp, outline };
}

/**
 * The collection and stamps a file's entry holds, with its header; undefined for anything not to be
 * used. `texts` reads a document's texts (see decode).
 */
export function openEntry(
  readAt: ReadAt,
  size: number,
  build: string,
  stamps: Stamp[],
  files: ListedFile[],
  texts: (stored: StoredDocument, file: ListedFile) => Texts,
): { collection: Collection; stamps: Stamp[]; header: Header } | undefined {
  try {
    const opened = openHeader(readAt);
    // a file's entry is its header and its texts: anything longer or shorter was not written so
    const header = opened?.header as Header | undefined;
    const body = header?.documents.reduce((total, stored) => total + stored.bytes + (stored.sourceBytes ?? 0), 0);
    if (!opened || size !== opened.body + body!) return undefined;
    const decoded = decode(opened.header as Header, build, stamps, files, texts);
    return decoded && { ...decoded, header: opened.header as Header };
  } catch {
    return undefined; // corrupt or from another build: read the notes instead
  }
}

export type { StoredDocument, StoredSections, Header };
