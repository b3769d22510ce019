// The parsed notes kept between runs, so that a repeated command on unchanged notes skips reading and parsing them:
// one file per set of notes paths in $XDG_CACHE_HOME/kubenotes (else ~/.cache/kubenotes), good while every notes
// file has the size and times it had and kubenotes is the same build. Never required: a cache that cannot be read
// or written costs only time, and says nothing.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineStarts } from '../core/lines.js';
import type { Block } from '../core/blocks.js';
import type { BlockOwner } from '../core/search.js';
import type { Collection, MetaValue, NotesDocument, Section, Warning } from '../core/types.js';
import { VERSION } from '../version.js';
import type { ListedFile } from './sources.js';

/** Bumped whenever what is stored changes shape. */
const FORMAT = 1;

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
  sections: StoredSections;
}

interface Header {
  format: number;
  /** The build of kubenotes that wrote it: its version and when it was built. */
  build: string;
  /** Each notes file's name, path, size and times when it was read. */
  stamps: unknown[];
  documents: StoredDocument[];
}

export interface NotesCache extends BlockStore {
  /** The collection as last stored, if the files are as they were then. */
  read(): Collection | undefined;
  /** Stores the collection read from the files listed; best effort. */
  write(collection: Collection): void;
}

/** The blocks searches cut from the sections of these notes, kept beside them so that a search need not cut them again. */
export interface BlockStore {
  readBlocks(collection: Collection): Map<BlockOwner, Block[]> | undefined;
  /** Stores the blocks known of the collection's sections; best effort. */
  writeBlocks(collection: Collection, blocks: ReadonlyMap<BlockOwner, Block[]>): void;
}

/** What the blocks file holds: each owner's blocks under `document index` (the file's preamble) or `document/section`. */
interface StoredBlocks {
  format: number;
  build: string;
  stamps: unknown[];
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

/**
 * The cache of the notes read from `paths` (as given) that are the files listed. Undefined when a file cannot be
 * looked at (reading it will say why) or there is no home folder to keep a cache in.
 */
export function notesCache(env: NodeJS.ProcessEnv, paths: string[], files: ListedFile[]): NotesCache | undefined {
  let stamps: unknown[];
  let folder: string;
  try {
    stamps = files.map(({ file, path }) => {
      const stat = statSync(path!);
      return [file, path, stat.size, stat.mtimeMs, stat.ctimeMs];
    });
    folder = cacheFolder(env); // without HOME, the home folder comes from the user database, which may have none
  } catch {
    return undefined;
  }
  // the same names read from another folder are other notes: the paths as given and as resolved name the entry
  const name = entryName(JSON.stringify(paths.map((path) => [path, resolve(path)])));
  const entry = join(folder, `${name}.notes`);
  const blocksEntry = join(folder, `${name}.blocks`);
  const build = buildStamp();
  const expected = JSON.stringify(stamps);
  return {
    read: () => {
      try {
        return decode(readFileSync(entry), build, expected, files);
      } catch {
        return undefined; // missing, unreadable, corrupt or from another build: read the notes instead
      }
    },
    write: (collection) => writeWhole(folder, entry, encode(collection, build, stamps)),
    readBlocks: (collection) => {
      try {
        const stored = JSON.parse(readFileSync(blocksEntry, 'utf8')) as StoredBlocks;
        if (stored.format !== FORMAT || stored.build !== build || JSON.stringify(stored.stamps) !== expected) return undefined;
        const blocks = new Map<BlockOwner, Block[]>();
        for (const [owner, key] of ownerKeys(collection)) if (stored.blocks[key]) blocks.set(owner, stored.blocks[key]);
        return blocks;
      } catch {
        return undefined;
      }
    },
    writeBlocks: (collection, blocks) => writeWhole(folder, blocksEntry, storedBlocks(collection, blocks, build, stamps)),
  };
}

/** Every owner of blocks in the collection with its key in the blocks file. */
function ownerKeys(collection: Collection): Array<[BlockOwner, string]> {
  return collection.documents.flatMap((document, d) => [[document, String(d)] as [BlockOwner, string], ...document.sections.map((section, s): [BlockOwner, string] => [section, `${d}/${s}`])]);
}

/** The blocks file's JSON (StoredBlocks), an owner at a time: one string of all of them would take as much memory again. */
function* storedBlocks(collection: Collection, blocks: ReadonlyMap<BlockOwner, Block[]>, build: string, stamps: unknown[]): Generator<string> {
  yield `{"format":${FORMAT},"build":${JSON.stringify(build)},"stamps":${JSON.stringify(stamps)},"blocks":{`;
  let first = true;
  for (const [owner, key] of ownerKeys(collection)) {
    const list = blocks.get(owner);
    if (!list) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(list)}`;
    first = false;
  }
  yield '}}';
}

/**
 * Writes `path` whole or not at all, best effort, piece by piece: a file of its own, then renamed over it (readers
 * see the old file or the new one, never a mix).
 */
function writeWhole(folder: string, path: string, pieces: Iterable<string | Uint8Array>): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    fd = openSync(temporary, 'w', 0o600);
    for (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    }
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      unlinkSync(temporary);
    } catch {
      // never made
    }
  }
}

/**
 * A file name for the notes paths: two 32-bit FNV-1a hashes, which node:crypto would take longer to load than
 * the whole of a cached `list`. Names that collide only share an entry: the files it records still decide.
 */
function entryName(identity: string): string {
  let [a, b] = [0x811c9dc5, 0x01000193 ^ identity.length];
  for (let i = 0; i < identity.length; i++) {
    const code = identity.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193 + 2 * i + 1) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A 4-byte header length, the header as JSON, then each document's text: all UTF-8. */
function encode(collection: Collection, build: string, stamps: unknown[]): Uint8Array[] {
  const texts = collection.documents.map((document) => Buffer.from(document.text, 'utf8'));
  const header: Header = {
    format: FORMAT,
    build,
    stamps,
    documents: collection.documents.map((document, i) => ({
      file: document.file,
      title: document.title,
      titleId: document.titleId,
      meta: document.meta,
      warnings: document.warnings,
      bytes: texts[i].length,
      sections: storeSections(document),
    })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return [length, json, ...texts];
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

function decode(buffer: Buffer, build: string, stamps: string, files: ListedFile[]): Collection | undefined {
  const length = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.toString('utf8', 4, 4 + length)) as Header;
  if (header.format !== FORMAT || header.build !== build || JSON.stringify(header.stamps) !== stamps) return undefined;
  let offset = 4 + length;
  const paths = new Map(files.map((f) => [f.file, f.path])); // documents are in their site's order, not the walk's
  const documents = header.documents.map((stored): NotesDocument => {
    const text = buffer.toString('utf8', offset, (offset += stored.bytes));
    const document: NotesDocument = { file: stored.file, title: stored.title, meta: stored.meta, text, sections: [], warnings: stored.warnings };
    if (stored.titleId !== undefined) document.titleId = stored.titleId;
    document.sections = restoreSections(stored.sections, document);
    const path = paths.get(stored.file);
    if (path !== undefined) document.path = path;
    return document;
  });
  if (offset !== buffer.length) return undefined; // cut short or run on: not what was written
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
