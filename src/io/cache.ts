// The parsed notes kept between runs, so that a repeated command on unchanged notes skips reading and parsing them:
// one entry per set of notes paths in $XDG_CACHE_HOME/kubenotes (else ~/.cache/kubenotes), good while every notes
// file is the same file (device and inode) with the size and times it had — and the same bytes, where its time is
// too close to the write to tell an edit — and kubenotes is the same build. Each entry carries its format and a
// checksum and is checked field by field on read: a damaged, planted or stale entry costs time, never output.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineStarts } from '../core/lines.js';
import type { Block } from '../core/blocks.js';
import type { BlockOwner } from '../core/search.js';
import type { Collection, MetaValue, NotesDocument, Section, SourceFile, Warning } from '../core/types.js';
import { VERSION } from '../version.js';
import { arrayOf, isBlock, isCount, isLevel, isLine, isMetaValue, isOutlineNumber, isPlainName, isRecord, isString, isWarning, optional, recordOf, shape } from './cache-schema.js';
import { CacheStore } from './cache-store.js';
import { readNotesFile, SizeBudget } from './notes-file.js';
import { diskPathOf, type ListedFile } from './sources.js';

/** Bumped whenever what is stored changes shape. */
const FORMAT = 2;
const FORMAT_BYTES = 4;
const CHECKSUM_BYTES = 32;

/** A file whose time is this close to the write, or in whole seconds (a coarse file system), is stamped with its bytes' hash too. */
const RACY_MS = 2000;

/** Where the cache lives; a relative XDG_CACHE_HOME is ignored, as the XDG spec says. */
export function cacheFolder(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(base, 'kubenotes');
}

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

/** A notes file as it was read: name, path, size, mtime, ctime, device, inode, and the hash of its bytes or null. */
type Stamp = [string, string, number, number, number, number, number, string | null];

interface Header {
  /** The build of kubenotes that wrote it: its version and when it was built. */
  build: string;
  stamps: Stamp[];
  documents: StoredDocument[];
}

export interface NotesCache extends BlockStore {
  /** The collection as last stored, if the files are as they were then. */
  read(): Collection | undefined;
  /** Stores the collection parsed from `files`, the files listed as read; best effort. */
  write(collection: Collection, files: SourceFile[]): void;
}

/** The blocks searches cut from the sections of these notes, kept beside them so that a search need not cut them again. */
export interface BlockStore {
  readBlocks(collection: Collection): Map<BlockOwner, Block[]> | undefined;
  /** Stores the blocks known of the collection's sections; best effort. */
  writeBlocks(collection: Collection, blocks: ReadonlyMap<BlockOwner, Block[]>): void;
}

/** What the blocks file holds: the checksum of the notes entry they were cut from, and each owner's blocks under `document index` or `document/section`. */
interface StoredBlocks {
  notes: string;
  blocks: Record<string, Block[]>;
}

/** The build: the version, and the time this module's file was made (a rebuild may parse differently). */
function buildStamp(): string {
  try {
    return `${VERSION} ${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
  } catch {
    return VERSION;
  }
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The cache of the notes read from `paths` (as given) that are the files listed. Undefined when a file cannot be
 * looked at (reading it will say why) or there is no home folder to keep a cache in. `warn` is told, once, why a
 * cache folder that is not the user's own is not used.
 */
export function notesCache(env: NodeJS.ProcessEnv, paths: string[], files: ListedFile[], warn: (message: string) => void = () => {}): NotesCache | undefined {
  let stamps: Stamp[];
  let folder: string;
  try {
    stamps = files.map((listed) => {
      const { file, path } = listed;
      const stat = statSync(diskPathOf(listed));
      return [file, path!, stat.size, stat.mtimeMs, stat.ctimeMs, stat.dev, stat.ino, null];
    });
    folder = cacheFolder(env); // without HOME, the home folder comes from the user database, which may have none
  } catch {
    return undefined;
  }
  const store = new CacheStore(folder, warn);
  // the same names read from another folder are other notes: the paths as given and as resolved name the entry
  const name = sha256(Buffer.from(JSON.stringify(paths.map((path) => [path, resolve(path)])))).slice(0, 32);
  const build = buildStamp();
  /** The checksum of the notes entry the collection in use came from or went to: the blocks must be of the same. */
  let notesChecksum: string | undefined;
  return {
    read: () => {
      const payload = unseal(store.read(`${name}.notes`));
      if (!payload) return undefined;
      try {
        const collection = decode(payload.bytes, build, stamps, files);
        if (collection) notesChecksum = payload.checksum;
        return collection;
      } catch {
        return undefined; // corrupt or from another build: read the notes instead
      }
    },
    write: (collection, read) => {
      const pieces = [...seal(encode(collection, build, stampsOf(stamps, read)))];
      store.write(`${name}.notes`, pieces);
      notesChecksum = (pieces.at(-1) as Buffer).toString('hex');
    },
    readBlocks: (collection) => {
      const payload = unseal(store.read(`${name}.blocks`));
      if (!payload || notesChecksum === undefined) return undefined;
      try {
        const stored = JSON.parse(payload.bytes.toString('utf8')) as StoredBlocks;
        if (!isRecord(stored) || stored.notes !== notesChecksum || !isRecord(stored.blocks)) return undefined;
        const blocks = new Map<BlockOwner, Block[]>();
        for (const [owner, key] of ownerKeys(collection)) {
          const list = stored.blocks[key];
          if (list === undefined) continue;
          if (!arrayOf(isBlock)(list)) return undefined;
          blocks.set(owner, list as Block[]);
        }
        return blocks;
      } catch {
        return undefined;
      }
    },
    writeBlocks: (collection, blocks) => {
      if (notesChecksum !== undefined) store.write(`${name}.blocks`, seal(storedBlocks(collection, blocks, notesChecksum)));
    },
  };
}

/** The stamps with the hash of each file's bytes as read where its time cannot tell a later edit from this one. */
function stampsOf(stamps: Stamp[], read: SourceFile[]): Stamp[] {
  const now = Date.now();
  return stamps.map((stamp, i) => {
    const mtime = stamp[3];
    const racy = mtime > now - RACY_MS || mtime % 1000 === 0;
    return racy ? [...stamp.slice(0, 7), sha256(read[i].bytes)] as Stamp : stamp;
  });
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
function* seal(pieces: Iterable<string | Uint8Array>): Generator<Uint8Array> {
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
function unseal(entry: Buffer | undefined): { bytes: Buffer; checksum: string } | undefined {
  if (!entry || entry.length < FORMAT_BYTES + CHECKSUM_BYTES || entry.readUInt32LE(0) !== FORMAT) return undefined;
  const end = entry.length - CHECKSUM_BYTES;
  const checksum = entry.subarray(end).toString('hex');
  if (sha256(entry.subarray(0, end)) !== checksum) return undefined;
  return { bytes: entry.subarray(FORMAT_BYTES, end), checksum };
}

/** Every owner of blocks in the collection with its key in the blocks file. */
function ownerKeys(collection: Collection): Array<[BlockOwner, string]> {
  return collection.documents.flatMap((document, d) => [[document, String(d)] as [BlockOwner, string], ...document.sections.map((section, s): [BlockOwner, string] => [section, `${d}/${s}`])]);
}

/** The blocks file's JSON (StoredBlocks), an owner at a time: one string of all of them would take as much memory again. */
function* storedBlocks(collection: Collection, blocks: ReadonlyMap<BlockOwner, Block[]>, notes: string): Generator<string> {
  yield `{"notes":${JSON.stringify(notes)},"blocks":{`;
  let first = true;
  for (const [owner, key] of ownerKeys(collection)) {
    const list = blocks.get(owner);
    if (!list) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(list)}`;
    first = false;
  }
  yield '}}';
}

/** A 4-byte header length, the header as JSON, then each document's text: all UTF-8. */
function encode(collection: Collection, build: string, stamps: Stamp[]): Uint8Array[] {
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

function decode(payload: Buffer, build: string, stamps: Stamp[], files: ListedFile[]): Collection | undefined {
  const length = payload.readUInt32LE(0);
  const header = JSON.parse(payload.toString('utf8', 4, 4 + length)) as Header;
  if (!isRecord(header) || header.build !== build || !stampsHold(header.stamps, stamps, files)) return undefined;
  if (!Array.isArray(header.documents) || header.documents.length !== files.length || !header.documents.every(isStoredDocument)) return undefined;
  let offset = 4 + length;
  const documents: NotesDocument[] = [];
  for (const [i, stored] of header.documents.entries()) {
    if (stored.file !== files[i].file || offset + stored.bytes + (stored.sourceBytes ?? 0) > payload.length) return undefined;
    const text = payload.toString('utf8', offset, (offset += stored.bytes));
    if (!sectionsFit(stored.sections, text.length)) return undefined;
    const document: NotesDocument = { file: stored.file, title: stored.title, meta: stored.meta, text, sections: [], warnings: stored.warnings };
    if (stored.sourceBytes !== undefined) document.source = payload.toString('utf8', offset, (offset += stored.sourceBytes));
    if (stored.titleId !== undefined) document.titleId = stored.titleId;
    document.sections = restoreSections(stored.sections, document);
    if (files[i].path !== undefined) document.path = files[i].path;
    documents.push(document);
  }
  if (offset !== payload.length) return undefined; // cut short or run on: not what was written
  return { documents, sections: documents.flatMap((d) => d.sections), warnings: documents.flatMap((d) => d.warnings) };
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
