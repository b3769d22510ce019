// The parsed notes kept between runs, so that a repeated command on unchanged notes skips reading and parsing them,
// in $XDG_CACHE_HOME/kubenotes (else ~/.cache/kubenotes): one entry for each set of notes paths, whole, and one for
// each file, parsed on its own, so that when one file of many changes only that file is parsed again. An entry is
// good while every file it holds is the same file (device and inode) with the size and times it had — and the same
// bytes, where its time is too close to the write to tell an edit — and kubenotes is the same build. A damaged,
// planted or stale entry costs time, never output.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block } from '../core/blocks.js';
import type { BlockOwner, KnownBlocks } from '../core/search.js';
import { mergeTerms, type DocumentTerms, type TermIndex } from '../core/term-index.js';
import type { Collection, NotesDocument } from '../core/types.js';
import { VERSION } from '../version.js';
import { decodedTexts, documentBody, encodeHeader, openEntry, readTexts, seal, openHeader, sealHeaded, sha256, unseal, type Stamp } from './cache-entry.js';
import { arrayOf, isBlock, isCount, isRecord, isString } from './cache-schema.js';
import { CacheStore } from './cache-store.js';
import { diskPathOf, type ListedFile, type Walker } from './sources.js';
import { cachedWalk } from './walk-cache.js';
import { markdownFilesBelow } from './walk.js';

/** A file whose time is this close to the write, or in whole seconds (a coarse file system), is stamped with its bytes' hash too. */
const RACY_MS = 2000;

/** Where the cache lives; a relative XDG_CACHE_HOME is ignored, as the XDG spec says. */
export function cacheFolder(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(base, 'kubenotes');
}

export interface NotesCache extends BlockStore {
  /** The collection as last stored, if the files are as they were then. */
  read(): Collection | undefined;
  /** Stores the collection, once every listed file's document was read from its entry or written to it; best effort. */
  write(collection: Collection): void;
  /** The document of the listed file `index` as parsed on its own (numbered from 1), if its entry holds. */
  readDocument(index: number): NotesDocument | undefined;
  /** Stores the document of the listed file `index`, parsed on its own from `bytes`, with its words; best effort. */
  writeDocument(index: number, document: NotesDocument, bytes: Uint8Array, terms: DocumentTerms): void;
}

/** The blocks searches cut from the sections of these notes, kept beside them so that a search need not cut them again. */
export interface BlockStore {
  /** The blocks kept for these very notes; each owner's are parsed (and checked) when first asked for. */
  readBlocks(collection: Collection): KnownBlocks | undefined;
  /** Stores the blocks known of the collection's sections; best effort. */
  writeBlocks(collection: Collection, blocks: ReadonlyMap<BlockOwner, Block[]>): void;
  /** The words of the collection read or written last, if kept: what search looks its candidates up in. */
  readTerms(): TermIndex | undefined;
}

/**
 * What the blocks file holds: a line of JSON with the checksum of the notes entry they were cut from, then a line
 * for each owner, its key (`document index` or `document/section`), a tab and its blocks as JSON; so that a search
 * parses only the blocks of the sections it may hit.
 */
interface BlocksHeader {
  notes: string;
}

/** The build: the version, and the time this module's file was made (a rebuild may parse differently). */
function buildStamp(): string {
  try {
    return `${VERSION} ${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
  } catch {
    return VERSION;
  }
}

/** An entry's name: a hash of what identifies it, so no name says what notes it holds. */
const entryName = (identity: unknown): string => sha256(Buffer.from(JSON.stringify(identity))).slice(0, 32);

/** A folder walk through the cache (walk-cache.ts), or afresh where there is no home folder to keep a cache in. */
export function folderWalker(env: NodeJS.ProcessEnv): Walker {
  let folder: string;
  try {
    folder = cacheFolder(env);
  } catch {
    return markdownFilesBelow;
  }
  // silent: the notes' own cache says, once, why a folder not the user's own is not used
  return cachedWalk(new CacheStore(folder, () => {}), buildStamp(), (root) => entryName(['walk', root]));
}

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
      const stat = statSync(diskPathOf(listed));
      return [listed.file, listed.path!, stat.size, stat.mtimeMs, stat.ctimeMs, stat.dev, stat.ino, null];
    });
    folder = cacheFolder(env); // without HOME, the home folder comes from the user database, which may have none
  } catch {
    return undefined;
  }
  const store = new CacheStore(folder, warn);
  // the same names read from another folder are other notes: the paths as given and as resolved name the entry
  const name = entryName(paths.map((path) => [path, resolve(path)]));
  const documentName = (index: number) => `${entryName([files[index].file, resolve(files[index].path!)])}.file`;
  const build = buildStamp();
  /** Each file's stamp as its document was read from its entry or written to it: with the hash, where it needs one. */
  const known: Array<Stamp | undefined> = [];
  /** Each document's texts by size and hash, and its words, as its file's entry keeps them. */
  const kept = new WeakMap<NotesDocument, { body: { hash: string; bytes: number; sourceBytes?: number }; terms: DocumentTerms; owners: number }>();
  const listedIndex = new Map(files.map((file, index) => [file.file, index]));
  /** A document's texts from its file's entry, if that holds them still; else read from the file afresh. */
  const texts = (stored: { file: string; bytes: number; sourceBytes?: number; hash: string }, file: ListedFile) =>
    store.readWith(documentName(listedIndex.get(stored.file)!), (readAt) => readTexts(readAt, stored)) ?? decodedTexts(file);
  /** The checksum of the notes entry the collection in use came from or went to: the blocks must be of the same. */
  let notesChecksum: string | undefined;
  return {
    read: () => {
      const opened = store.readWith(`${name}.notes`, (readAt, size) => openEntry(readAt, size, build, stamps, files, texts));
      notesChecksum = opened?.checksum;
      return opened?.collection;
    },
    write: (collection) => {
      if (known.length !== files.length || known.includes(undefined) || !collection.documents.every((document) => kept.has(document))) return;
      const header = encodeHeader(collection, build, known as Stamp[], (document) => kept.get(document)!.body);
      const pieces = [...sealHeaded(header, [])];
      store.write(`${name}.notes`, pieces);
      notesChecksum = store.readWith(`${name}.notes`, (readAt) => openHeader(readAt)?.checksum);
      if (notesChecksum !== undefined) store.write(`${name}.terms`, seal(storedTerms(collection, notesChecksum, (document) => kept.get(document)!)));
    },
    readDocument: (index) => {
      const opened = store.readWith(documentName(index), (readAt, size) => openEntry(readAt, size, build, [stamps[index]], [files[index]], texts));
      const document = opened?.collection.documents[0];
      const terms = opened?.header.terms;
      if (!document || !isDocumentTerms(terms)) return undefined;
      known[index] = opened.stamps[0];
      const { file, title, ...body } = opened.header.documents[0];
      kept.set(document, { body: { hash: body.hash, bytes: body.bytes, sourceBytes: body.sourceBytes }, terms, owners: ownerCount(document) });
      return document;
    },
    writeDocument: (index, document, bytes, terms) => {
      const stamp = stamps[index];
      const racy = stamp[3] > Date.now() - RACY_MS || stamp[3] % 1000 === 0;
      known[index] = racy ? [...stamp.slice(0, 7), sha256(bytes)] as Stamp : stamp;
      const one = { documents: [document], sections: document.sections, warnings: document.warnings };
      const { pieces, hash } = documentBody(document);
      const body = { hash, bytes: pieces[0].length, sourceBytes: pieces[1]?.length };
      kept.set(document, { body, terms, owners: ownerCount(document) });
      store.write(documentName(index), sealHeaded({ ...encodeHeader(one, build, [known[index]!], () => body), terms }, pieces));
    },
    readTerms: () => {
      const payload = notesChecksum === undefined ? undefined : unseal(store.read(`${name}.terms`));
      try {
        const stored = payload && (JSON.parse(payload.bytes.toString('utf8')) as StoredTerms);
        if (!isRecord(stored) || stored.notes !== notesChecksum || !arrayOf(isString)(stored.words) || !Array.isArray(stored.owners) || stored.owners.length !== stored.words.length) return undefined;
        const owners = stored.owners;
        // each word's owners are checked when first asked for
        return { words: stored.words, owners: (i) => (arrayOf(isCount)(owners[i]) ? owners[i] : []) };
      } catch {
        return undefined;
      }
    },
    readBlocks: (collection) => {
      const payload = unseal(store.read(`${name}.blocks`));
      if (!payload || notesChecksum === undefined) return undefined;
      const [first, ...lines] = payload.bytes.toString('utf8').split('\n');
      try {
        const header = JSON.parse(first) as BlocksHeader;
        if (!isRecord(header) || header.notes !== notesChecksum) return undefined;
      } catch {
        return undefined;
      }
      const stored = new Map<string, string>();
      for (const line of lines) {
        const tab = line.indexOf('\t');
        if (tab > 0) stored.set(line.slice(0, tab), line.slice(tab + 1));
      }
      return lazyBlocks(collection, stored);
    },
    writeBlocks: (collection, blocks) => {
      if (notesChecksum !== undefined) store.write(`${name}.blocks`, seal(storedBlocks(collection, blocks, notesChecksum)));
    },
  };
}

/** The terms entry: the checksum of the notes entry they are the words of, then each word with its owners. */
interface StoredTerms {
  notes: string;
  words: string[];
  owners: number[][];
}

const isDocumentTerms = (value: unknown): value is DocumentTerms =>
  Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && isString(pair[0]) && arrayOf(isCount)(pair[1]));

/** How many owners of blocks a document has (as search counts them): its text before the first section, each numbered section. */
const ownerCount = (document: NotesDocument): number => 1 + document.sections.filter((section) => section.number !== null).length;

/** The terms entry of a collection whose documents' words are known. */
function* storedTerms(collection: Collection, notes: string, keptOf: (document: NotesDocument) => { terms: DocumentTerms; owners: number }): Generator<string> {
  const { words, owners } = mergeTerms(collection.documents.map(keptOf));
  yield JSON.stringify({ notes, words, owners } satisfies StoredTerms);
}

/** Every owner of blocks in the collection with its key in the blocks file. */
function ownerKeys(collection: Collection): Array<[BlockOwner, string]> {
  return collection.documents.flatMap((document, d) => [[document, String(d)] as [BlockOwner, string], ...document.sections.map((section, s): [BlockOwner, string] => [section, `${d}/${s}`])]);
}

/** The owners' blocks of the stored lines (key → JSON), each parsed on first use; one that is not blocks is as if not kept. */
function lazyBlocks(collection: Collection, stored: ReadonlyMap<string, string>): KnownBlocks {
  const keys = new Map(ownerKeys(collection).filter(([, key]) => stored.has(key)));
  const parsed = new Map<BlockOwner, Block[] | undefined>();
  return {
    size: keys.size,
    get: (owner) => {
      if (!parsed.has(owner)) {
        const key = keys.get(owner);
        let list: unknown;
        try {
          list = key === undefined ? undefined : JSON.parse(stored.get(key)!);
        } catch {
          list = undefined;
        }
        parsed.set(owner, arrayOf(isBlock)(list) ? (list as Block[]) : undefined);
      }
      return parsed.get(owner);
    },
  };
}

/** The blocks file (see BlocksHeader), an owner at a time: one string of all of them would take as much memory again. */
function* storedBlocks(collection: Collection, blocks: ReadonlyMap<BlockOwner, Block[]>, notes: string): Generator<string> {
  yield `${JSON.stringify({ notes } satisfies BlocksHeader)}\n`;
  for (const [owner, key] of ownerKeys(collection)) {
    const list = blocks.get(owner);
    // JSON has no raw newline, so each owner's blocks stay on their line
    if (list) yield `${key}\t${JSON.stringify(list)}\n`;
  }
}
