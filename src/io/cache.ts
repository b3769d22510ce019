// The parsed notes kept between runs, so that a repeated command on unchanged notes skips reading and parsing them,
// in $XDG_CACHE_HOME/kubenotes (else ~/.cache/kubenotes): one entry for each set of notes paths, whole, and one for
// each file, parsed on its own, so that when one file of many changes only that file is parsed again. An entry is
// good while every file it holds is the same file (device and inode) with the size and times it had — and the same
// bytes, where its time is too close to the write to tell an edit — and kubenotes is the same build. A damaged,
// planted or stale entry costs time, never output.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Block } from '../core/markdown/blocks.js';
import type { BlockOwner, BlockSink, BlocksDigest, KnownBlocks } from '../core/query/search.js';
import { movedTerms, NOT_HERE, ownerCount, TermMerger, type DocumentTerms, type TermIndex } from '../core/query/term-index.js';
import { documentOf } from '../core/notes/documents.js';
import type { Collection, NotesDocument, Section } from '../core/types.js';
import {
  decodedTexts,
  documentBody,
  encodeHeader,
  notesEntry,
  openEntry,
  keptDocument,
  openNotes,
  readTexts,
  sealedNotes,
  storeSections,
  storedDocument,
  openHeader,
  restampedNotes,
  sealHeaded,
  type KeptOutline,
  type SealedNotes,
  type Stamp,
  type StoredDocument,
  type StoredSections,
} from './cache-entry.js';
import { buildStamp } from './build-stamp.js';
import { cacheFolder } from './cache-folder.js';
import { sha256, sha256Bytes } from './sha256.js';
import { arrayOf, isBlock, isCount, isRecord, isString } from './cache-schema.js';
import { CacheStore, type ReadAt, type Scratch } from './cache-store.js';
import { openPack, packWriter, type EntryPack, type PackWriter } from './entry-pack.js';
import { keptByHash } from './kept-by-hash.js';
import { tokenKeeper, type TokenKeeper } from './kept-tokens.js';
import { holdHeapGrowth, HOLD_HEAP_AFTER_BYTES } from './heap.js';
import { readNotesFile, SizeBudget } from './notes-file.js';
import { groupedPieces, groupFirsts, groupHashes, groupOf, readTogether, type Grouping } from './piece-groups.js';
import { diskPathOf, type ListedFile, type Walker } from './sources.js';
import { isRacyTime } from './stamps.js';
import { cachedWalk } from './walk-cache.js';
import { markdownFilesBelow } from './walk.js';

/** Whether a file stamped so now needs its bytes' hash beside its stamp: an edit now could leave its time as it is. */
const isRacy = (stamp: Stamp): boolean => isRacyTime(stamp[3]);

export interface NotesCache extends BlockStore {
  /** The collection as last stored, if the files are as they were then. */
  read(): Collection | undefined;
  /**
   * Puts the files' entries written in place, and stores the collection once every listed file's document was read
   * from its entry or written to it; best effort.
   */
  write(collection: Collection): void;
  /** The document of the listed file `index` as parsed on its own (numbered from 1), if its entry holds. */
  readDocument(index: number): NotesDocument | undefined;
  /**
   * Stores the document of the listed file `index`, parsed on its own from `bytes`, with its words (best effort);
   * gives it back as kept, its text left in its entry (or its file) until read.
   */
  writeDocument(index: number, document: NotesDocument, bytes: Uint8Array, terms: DocumentTerms): NotesDocument;
  /** Output made from `collection` kept for the next run on the same notes; undefined unless it was read whole or written. */
  keptOutput(collection: Collection): OutputKeeper | undefined;
  /** The stamps of the files `collection` was read from, as the notes entry holds them; undefined as keptOutput is. */
  stampsOf(collection: Collection): readonly Stamp[] | undefined;
}

/**
 * `make()`, or what it made before from the same notes: `key` names everything else the output of a command of `kind`
 * is made from (its options, the width, the style, what it shows).
 */
export type OutputKeeper = (kind: OutputKind, key: string, make: () => string | Promise<string>) => Promise<string>;

/**
 * The outputs kept for a set of notes, an entry for each kind: `list`'s, of each set of options at a few widths and
 * styles; the sections and pages `show` rendered last and the hits `search` found last, read whole on every run.
 */
const OUTPUT_LIMITS = {
  list: { values: 16, bytes: 16 * 1024 * 1024 },
  show: { values: 32, bytes: 4 * 1024 * 1024 },
  search: { values: 32, bytes: 4 * 1024 * 1024 },
};
export type OutputKind = keyof typeof OUTPUT_LIMITS;

/** The blocks searches cut from the sections of these notes, kept beside them so that a search need not cut them again. */
export interface BlockStore {
  /** The blocks kept for the collection's files as they are; each owner's read, checked and parsed when asked for, and not held. */
  readBlocks(collection: Collection): KnownBlocks | undefined;
  /**
   * Where a search hands the blocks it cuts, each set aside as it comes (see blocksWriter); `finish` stores them,
   * with those kept before, best effort. Undefined when the collection's files are not known to the cache.
   */
  blockSink(collection: Collection): (BlockSink & { finish(): void }) | undefined;
  /** The words of the collection read or written last (merged now, and kept, if they were not): what search looks its candidates up in. */
  readTerms(collection: Collection): TermIndex | undefined;
}

/**
 * The blocks entry, headed: the build that cut them, how many owners it keeps, the hash of its table, a hash of each
 * group of owners' short texts, and the size and hash of the keys of the documents they were cut from. Then the table (see TABLE_ROW), the blocks of each owner as JSON, each owner's short texts (see
 * BlocksDigest) as a JSON array followed by a comma, and the key of each document (see documentKey) as a JSON array.
 * A search reads, checks and parses the blocks of the owners it may hit, and of those, the owners that can reach its
 * best hits, not every owner's; and the short texts of its candidates' groups only, when it has many, parsing those
 * that hold its phrase. Once files changed, the keys tell which documents' blocks still hold, and where they are now.
 */
interface BlocksHeader {
  build: string;
  count: number;
  table: string;
  digests: string[];
  keys: { bytes: number; hash: string };
}

/**
 * What a document's blocks are cut from: its file's name and texts. A file is parsed on its own, so its blocks are
 * the same in any collection of the same build, wherever it is in the reading order.
 */
const documentKey = (file: string, textsHash: string): string => `${textsHash.slice(0, 32)} ${file}`;

/** The keys of a collection's documents in reading order, as kept (JSON), and their hash: what its words and blocks are kept for. */
interface DocumentKeys {
  keys: string[];
  json: Buffer;
  hash: string;
}

function documentKeysOf(keys: string[]): DocumentKeys {
  const json = Buffer.from(JSON.stringify(keys), 'utf8');
  return { keys, json, hash: sha256(json) };
}

/** A document of the stored blocks that is not in the collection now: its owners' blocks are not used or kept. */
const GONE = 0xffffffff;

/**
 * Where each document kept (by its key, in `stored`) is among the documents now (their keys), or NOT_HERE. The n-th
 * copy of a key goes to its n-th place: a file listed twice (under two paths given) is two documents.
 */
function movedPlaces(stored: readonly string[], now: readonly string[]): number[] {
  const places = new Map<string, number[]>();
  // last place first: each copy takes the first place left
  for (let d = now.length - 1; d >= 0; d--) {
    const same = places.get(now[d]);
    if (same) same.push(d);
    else places.set(now[d], [d]);
  }
  return stored.map((key) => places.get(key)?.pop() ?? NOT_HERE);
}

/** Owners whose short texts are read and checked together. */
const DIGESTS_GROUP: Grouping = { count: 256, bytes: 64 * 1024 };

/**
 * An owner's row in the blocks entry's table: its document's place and its own (see ownerPlaces), the length of its
 * blocks and of its short texts, the lengths of its digest (trimmed, normalized), as 32-bit numbers, little-endian;
 * then the SHA-256 of its blocks, what a read of them is checked against.
 */
const TABLE_ROW = { numbers: 6, bytes: 6 * 4 + 32 };

/** After a pack of the files' entries was made, a run that writes at most this many writes each as a file of its own. */
const LOOSE_ENTRIES = 16;

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

/** The tokens of each file's Markdown kept in the cache folder (kept-tokens.ts), where there is one. */
export function keptTokens(env: NodeJS.ProcessEnv): TokenKeeper | undefined {
  try {
    // silent, as the walk's: the notes' own cache says why a folder not the user's own is not used
    return tokenKeeper(new CacheStore(cacheFolder(env), () => {}), buildStamp(), (path) => entryName(['tokens', resolve(path)]));
  } catch {
    return undefined; // no home folder to keep a cache in
  }
}

/**
 * The cache of the notes read from `paths` (as given) that are the files listed. Undefined when a file cannot be
 * looked at (reading it will say why) or there is no home folder to keep a cache in. `warn` is told, once, why a
 * cache folder that is not the user's own is not used.
 */
export function notesCache(
  env: NodeJS.ProcessEnv,
  paths: string[],
  files: ListedFile[],
  warn: (message: string) => void = () => {},
): NotesCache | undefined {
  let stamps: Stamp[];
  let folder: string;
  try {
    stamps = files.map((listed) => {
      const stat = listed.stats ?? statSync(diskPathOf(listed));
      return [listed.file, listed.path!, stat.size, stat.mtimeMs, stat.ctimeMs, stat.dev, stat.ino, null];
    });
    folder = cacheFolder(env); // without HOME, the home folder comes from the user database, which may have none
  } catch {
    return undefined;
  }
  const store = new CacheStore(folder, warn);
  // the same names read from another folder are other notes: the paths as given and as resolved name the entry
  const name = entryName(paths.map((path) => [path, resolve(path)]));
  const documentNames: string[] = [];
  /** The name of the listed file `index`'s entry: `.file` after it alone, or in the pack of the notes' files. */
  const documentName = (index: number) => (documentNames[index] ??= entryName([files[index].file, resolve(files[index].path!)]));
  /** The entry named `name` as a file of its own, outside the pack. */
  const ownFile = (name: string): string => `${name}.file`;
  const packName = `${name}.files`;
  /** The pack of the files' entries as it was when first read (null: none); entries written since come first. */
  let pack: EntryPack | null | undefined;
  const packed = () => (pack === undefined ? (pack = (store.mayHold(packName) && openPack(store, packName)) || null) : pack);
  /** The files' entries written in this run, packed (null: no pack could be made); read from it once finished too. */
  let writing: PackWriter | null | undefined;
  let entriesFinished = false;
  /** What `use` makes of the listed file `index`'s entry: its own, else the one packed now, else the one in the pack. */
  const readFileEntry = <T>(index: number, use: (readAt: ReadAt, size: number) => T | undefined): T | undefined => {
    const own = documentName(index);
    // a first run's files have no entries of their own: the folder listed once, not an open a file
    return (
      (store.mayHold(ownFile(own)) ? store.readWith(ownFile(own), use) : undefined) ??
      (writing?.has(own) ? writing.readWith(own, use) : packed()?.readWith(own, use))
    );
  };
  /** Writes the listed file `index`'s entry: packed with the others written in this run (see finishFileEntries). */
  const writeFileEntry = (index: number, pieces: Iterable<Uint8Array>): void => {
    const made = [...pieces];
    if (writing === undefined) writing = packWriter(store, packName) ?? null;
    if (!writing?.add(documentName(index), made)) store.write(ownFile(documentName(index)), made);
  };
  /**
   * Puts the files' entries written in this run in place: a few, after a pack was made, each as a file of its own;
   * else a new pack, with the other listed files' entries, each its own file's or the last pack's, and no file of its own left.
   */
  const finishFileEntries = (): void => {
    const written = writing;
    if (!written || entriesFinished) return;
    entriesFinished = true;
    const names = written.names;
    const whole = (readAt: ReadAt, size: number) => readAt(0, size);
    const before = packed();
    if (before && names.length <= LOOSE_ENTRIES) {
      for (const own of names) {
        const bytes = written.readWith(own, whole);
        if (bytes) store.write(ownFile(own), [bytes]);
      }
      written.drop();
      return;
    }
    for (const index of files.keys()) {
      const bytes = written.has(documentName(index)) ? undefined : readFileEntry(index, whole);
      if (bytes) written.add(documentName(index), [bytes]);
    }
    // an entry of its own would be read before the pack's, which is as new or newer now
    if (written.finish())
      for (const index of files.keys()) if (store.mayHold(ownFile(documentName(index)))) store.remove(ownFile(documentName(index)));
  };
  const build = buildStamp();
  /** Each file's stamp as its document was read from an entry (or stamped anew) or written: with the hash, where it needs one. */
  const known: Array<Stamp | undefined> = [];
  /** Each document's texts by size and hash, and its words, as its file's entry keeps them. */
  const kept = new WeakMap<
    NotesDocument,
    { body: { hash: string; bytes: number; sourceBytes?: number }; outline: KeptOutline; key: number; owners: number }
  >();
  const terms = new TermMerger();
  const listedIndex = new Map(files.map((file, index) => [file.file, index]));
  /** A document's texts from its file's entry, if that holds them still; else read from the file afresh. */
  /** Whether a file read afresh had other texts than its document was parsed from (changed meanwhile). */
  let textsChanged = false;
  /** The texts read so far: past HOLD_HEAP_AFTER_BYTES of them, the heap's growth is held (see heap.ts), as for the notes parsed. */
  let textsRead = 0;
  const texts = (stored: { file: string; bytes: number; sourceBytes?: number; hash: string }, file: ListedFile) => {
    if ((textsRead += stored.bytes) >= HOLD_HEAP_AFTER_BYTES) holdHeapGrowth();
    const kept = readFileEntry(listedIndex.get(stored.file)!, (readAt) => readTexts(readAt, stored));
    if (kept) return kept;
    const read = decodedTexts(file);
    textsChanged ||= documentBody(read).hash !== stored.hash;
    return read;
  };
  /** The entry of the listed file `index`, if it holds for the file as it is: stamped so, or stamped anew (unchangedEntry). */
  const fileEntry = (index: number) =>
    readFileEntry(index, (readAt, size) => openEntry(readAt, size, build, [stamps[index]], [files[index]], texts)) ?? unchangedEntry(index);
  /** A document's sections as its file's own entry keeps them (numbered from 1), if it holds them for the same text. */
  const ownOutline = (stored: StoredDocument): StoredSections | undefined => {
    const own = fileEntry(listedIndex.get(stored.file)!)?.header.documents[0];
    return own?.hash === stored.hash ? own.sections : undefined;
  };
  /** The blocks read last: the owners a search did not go through are kept when it writes its own. */
  let lastBlocks: BlockEntries | undefined;
  /** The collection read whole from the notes entry, and the documents its header keeps (their texts' hashes). */
  let fromNotes: { collection: Collection; stored: StoredDocument[] } | undefined;
  /** The collection read whole from the notes entry or written to it, and the hash of what it holds but the stamps. */
  let inNotes: { collection: Collection; content: string; stamps: Stamp[] } | undefined;
  const keysMade = new WeakMap<Collection, DocumentKeys>();
  /**
   * The collection's documents' keys (see documentKey); undefined if the hash of one's texts is not known (it was not
   * read from the notes entry or the files' entries, nor written to them).
   */
  const documentKeys = (collection: Collection): DocumentKeys | undefined => {
    let made = keysMade.get(collection);
    if (!made) {
      const keys: string[] = [];
      if (collection === fromNotes?.collection) for (const { file, hash } of fromNotes.stored) keys.push(documentKey(file, hash));
      else
        for (const document of collection.documents) {
          const hash = kept.get(document)?.body.hash;
          if (hash === undefined) return undefined;
          keys.push(documentKey(document.file, hash));
        }
      keysMade.set(collection, (made = documentKeysOf(keys)));
    }
    return made;
  };
  /** The notes entry as sealed last, when some files are no longer as stamped: what it keeps of the others is used. */
  let previous: SealedNotes | undefined;
  /** The stamp of the listed file `index`, read as `bytes`: with their hash where its time is too close to tell an edit. */
  const stampOf = (index: number, bytes: Uint8Array): Stamp => {
    const stamp = stamps[index];
    return isRacy(stamp) ? ([...stamp.slice(0, 7), sha256(bytes)] as Stamp) : stamp;
  };
  /**
   * The entry of the listed file `index` when the file has its size still and the texts the entry was parsed from,
   * though not its times (touched, checked out again, saved unchanged): a read of the file, not a parse. The entry is
   * written anew with the file's stamp now, which the notes entry will hold too.
   */
  const unchangedEntry = (index: number) => {
    const listed = files[index];
    const opened = readFileEntry(index, (readAt, size) => {
      const stored = (openHeader(readAt)?.header as { stamps?: unknown } | undefined)?.stamps;
      if (!Array.isArray(stored) || !Array.isArray(stored[0]) || stored[0][2] !== stamps[index][2]) return undefined;
      return openEntry(readAt, size, build, stored as Stamp[], [listed], texts);
    });
    if (!opened) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = readNotesFile(listed.path!, new SizeBudget(), listed.at);
    } catch {
      return undefined; // unreadable now: reading it will say why
    }
    const { pieces, hash } = documentBody(decodedTexts(listed, bytes));
    const stored = opened.header.documents[0];
    if (hash !== stored.hash || pieces[0].length !== stored.bytes || pieces[1]?.length !== stored.sourceBytes) return undefined;
    const stamp = stampOf(index, bytes);
    store.write(ownFile(documentName(index)), sealHeaded({ ...opened.header, stamps: [stamp] }, pieces));
    return { ...opened, stamps: [stamp] };
  };
  /**
   * The files' stamps now, if every file the notes entry stamped otherwise is the same file name with the same size
   * and texts (its bytes read and decoded again), only touched: a checkout, a save without a change. Undefined when a
   * file was added, removed or changed, or none was touched.
   */
  const restamped = (sealed: SealedNotes): Stamp[] | undefined => {
    const stored = sealed.header.stamps;
    if (stored.length !== stamps.length) return undefined;
    const now: Stamp[] = [];
    let touched = false;
    for (const [index, stamp] of stamps.entries()) {
      const kept = stored[index] as unknown[];
      if (!Array.isArray(kept) || kept.length !== stamp.length || kept[0] !== stamp[0] || kept[1] !== stamp[1] || kept[2] !== stamp[2])
        return undefined;
      if (stamp.slice(3, 7).every((value, j) => kept[3 + j] === value)) {
        now.push(kept as Stamp); // as stamped: its hash, if it has one, is checked as the entry is opened
        continue;
      }
      const document = sealed.find(stamp[0]);
      let bytes: Uint8Array;
      try {
        bytes = readNotesFile(files[index].path!, new SizeBudget(), files[index].at);
      } catch {
        return undefined; // unreadable now: reading it will say why
      }
      if (!document || documentBody(decodedTexts(files[index], bytes)).hash !== sealed.header.documents[document.index].hash)
        return undefined;
      now.push(stampOf(index, bytes));
      touched = true;
    }
    return touched ? now : undefined;
  };
  /** A file's document as its entry keeps it, with its words; undefined if the entry does not hold. */
  const fromFileEntry = (index: number): NotesDocument | undefined => {
    const opened = fileEntry(index);
    const document = opened?.collection.documents[0];
    const words = opened?.header.terms;
    if (!document || !isDocumentTerms(words)) return undefined;
    terms.add(index, words);
    known[index] = opened.stamps[0];
    const { hash, bytes, sourceBytes, sections } = opened.header.documents[0];
    kept.set(document, {
      body: { hash, bytes, sourceBytes },
      outline: { sections: sections! },
      key: index,
      owners: ownerCount(sections!.number),
    });
    return document;
  };
  /** An unchanged file's document as the last notes entry keeps it (its words are read only when a search needs them). */
  const fromPrevious = (index: number): NotesDocument | undefined => {
    const found = previous && keptDocument(previous, stamps[index], files[index], texts);
    if (!found) return undefined;
    // its bytes just read again were those hashed: a file no longer racy is stamped without the hash from now on
    known[index] = found.stamp[7] !== null && !isRacy(stamps[index]) ? stamps[index] : found.stamp;
    const { hash, bytes, sourceBytes } = found.stored;
    kept.set(found.document, {
      body: { hash, bytes, sourceBytes },
      outline: found.outline,
      key: index,
      owners: ownerCount(found.outline.sections.number),
    });
    return found.document;
  };
  /** The words of the document at `place` in the collection, as its file's entry keeps them. */
  const wordsOf = (collection: Collection, place: number): DocumentTerms | undefined => {
    const index = listedIndex.get(collection.documents[place].file);
    const words = index === undefined ? undefined : fileEntry(index)?.header.terms;
    return isDocumentTerms(words) ? words : undefined;
  };
  /** Merged or moved words of the collection, kept for the next search, as a search reads them. */
  const keptFor = (collection: Collection, merged: ReturnType<TermMerger['merged']>): TermIndex => {
    const keys = documentKeys(collection);
    if (keys) store.write(`${name}.terms`, storedTerms(merged, build, keys));
    return { words: merged.words, owners: (i) => merged.owners[i], documents: merged.documents };
  };
  /**
   * The words of the collection merged from its files' entries: when the notes entry was written without them (from
   * the last notes entry, after some files changed) and none were kept before that can be moved (see movedFrom).
   */
  const mergedTerms = (collection: Collection): TermIndex | undefined => {
    const order: Array<{ key: number; owners: number }> = [];
    for (const [place, document] of collection.documents.entries()) {
      const index = listedIndex.get(document.file);
      if (index === undefined) return undefined;
      if (!terms.has(index)) {
        const words = wordsOf(collection, place);
        if (!words) return undefined;
        terms.add(index, words);
      }
      order.push({ key: index, owners: ownerCount(document.sections.map((section) => section.number)) });
    }
    return keptFor(collection, terms.merged(order));
  };
  /**
   * The words kept for earlier notes of this build moved to the collection's documents (see movedTerms): those of
   * the files changed or added since read from their own entries, not every file's.
   */
  const movedFrom = (
    before: NonNullable<ReturnType<typeof keptTerms>>,
    collection: Collection,
    now: DocumentKeys,
  ): TermIndex | undefined => {
    const stored = before.keys.read();
    if (!stored) return undefined;
    const moved = movedPlaces(stored, now.keys);
    const here = new Set(moved);
    const added: Array<{ place: number; terms: DocumentTerms }> = [];
    for (let place = 0; place < now.keys.length; place++) {
      if (here.has(place)) continue;
      const words = wordsOf(collection, place);
      if (!words) return undefined;
      added.push({ place, terms: words });
    }
    const counts = collection.documents.map((document) => kept.get(document)?.owners ?? ownerCount(document.sections.map((s) => s.number)));
    const merged = movedTerms(before.index, moved, counts, added);
    return merged && keptFor(collection, merged);
  };
  /** The words kept for these notes; else moved from those kept for earlier ones, or merged from the files' entries. */
  const termsFor = (collection: Collection): TermIndex | undefined => {
    const now = documentKeys(collection);
    if (!now) return undefined;
    const before = keptTerms(store, `${name}.terms`, build);
    if (before?.keys.hash === now.hash) return before.index;
    return (before && movedFrom(before, collection, now)) ?? mergedTerms(collection);
  };
  return {
    read: () => {
      const key = store.key();
      const sealed = key ? sealedNotes(store.open(`${name}.notes`), key, build) : undefined;
      if (!sealed) return undefined;
      let opened = openNotes(sealed, stamps, files, texts, ownOutline);
      const touched = opened ? undefined : restamped(sealed);
      if (touched) {
        // files touched (a checkout, a save without a change): the entry holds still, stamped anew
        opened = openNotes({ ...sealed, header: { ...sealed.header, stamps: touched } }, touched, files, texts, ownOutline);
        const pieces = opened && restampedNotes(sealed, touched, key!);
        if (pieces) store.write(`${name}.notes`, pieces);
      }
      // files stamped with their hash as they had just been written (a clone, a checkout) that have settled since: every
      // run would read them to check the hash, so this one takes their documents from the entry (see fromPrevious) and
      // writes it anew, stamped without the hashes
      const settled = opened && opened.stamps.some((stamp, i) => stamp[7] !== null && !isRacy(stamps[i]));
      fromNotes = opened && !settled ? { collection: opened.collection, stored: sealed.header.documents } : undefined;
      inNotes = opened && fromNotes && { collection: fromNotes.collection, content: sealed.header.content, stamps: opened.stamps };
      previous = !opened || settled ? sealed : undefined;
      return fromNotes?.collection;
    },
    write: (collection) => {
      finishFileEntries();
      if (known.length !== files.length || known.includes(undefined) || !collection.documents.every((document) => kept.has(document)))
        return;
      const key = store.key();
      if (!key) return;
      // what the last notes entry kept has been read: let it go before a new one is renamed over it
      previous?.release();
      previous = undefined;
      const entry = notesEntry(
        collection,
        build,
        known as Stamp[],
        (document) => kept.get(document)!.body,
        (document) => kept.get(document)!.outline,
        key,
      );
      store.write(`${name}.notes`, entry.pieces);
      inNotes = { collection, content: entry.content, stamps: known as Stamp[] };
      const order = collection.documents.map((document) => kept.get(document)!);
      // a file taken from the last notes entry brought no words: the first search moves or merges them (termsFor)
      if (order.every(({ key }) => terms.has(key))) keptFor(collection, terms.merged(order));
    },
    readDocument: (index) => fromPrevious(index) ?? fromFileEntry(index),
    writeDocument: (index, document, bytes, words) => {
      known[index] = stampOf(index, bytes);
      const { pieces, hash } = documentBody(document);
      const body = { hash, bytes: pieces[0].length, sourceBytes: pieces[1]?.length };
      const outline = storeSections(document);
      const header = encodeHeader(document, build, known[index], () => body, outline);
      terms.add(index, words);
      writeFileEntry(index, sealHeaded({ ...header, terms: words }, pieces));
      const stored = storedDocument(header.documents[0], files[index], texts, () => outline);
      kept.set(stored, { body, outline: { sections: outline }, key: index, owners: ownerCount(outline.number) });
      return stored;
    },
    keptOutput: (collection) => {
      if (collection !== inNotes?.collection) return undefined;
      // what the notes entry holds but its stamps names the collection: a touched file leaves it as it was
      const { content } = inNotes;
      return async (kind, key, make) => {
        const kept = keptByHash(store, `${name}.${kind}`, build, OUTPUT_LIMITS[kind]);
        const hash = sha256(content, key);
        const value = kept.get(hash);
        if (value) return value.toString('utf8');
        const made = await make();
        kept.keep(hash, Buffer.from(made, 'utf8'));
        return made;
      };
    },
    stampsOf: (collection) => (collection === inNotes?.collection ? inNotes.stamps : undefined),
    readTerms: termsFor,
    readBlocks: (collection) => {
      const keys = documentKeys(collection);
      if (!keys) return undefined;
      lastBlocks = {
        recent: keptBlocks(store, `${name}.recent-blocks`, build, keys, collection),
        whole: keptBlocks(store, `${name}.blocks`, build, keys, collection),
      };
      return layeredBlocks(lastBlocks);
    },
    blockSink: (collection) => {
      const keys = documentKeys(collection);
      // blocks cut from texts other than the documents' would be kept for the documents' keys
      const kept = () => !textsChanged;
      const entries = { whole: `${name}.blocks`, recent: `${name}.recent-blocks` };
      return keys && blocksWriter(store, entries, collection, { build, keys, kept }, () => lastBlocks ?? {});
    },
  };
}

/**
 * The terms entry, headed: the build, each word, how many owners hold it, a hash of each group of words' owners, and
 * the size and hash of the keys of the documents whose words it holds; then the
 * owners, word after word, as 32-bit numbers, and the key of each document (see documentKey) as a JSON array. A
 * search reads and checks the groups of the words it looks for only; once files changed, the whole is moved to the
 * documents' places now (see movedTerms).
 */
interface StoredTerms {
  build: string;
  words: string[];
  counts: number[];
  groups: string[];
  /** How many owners each document has, in reading order. */
  documents: number[];
  keys: { bytes: number; hash: string };
}

/** `count` 32-bit little-endian numbers of `bytes`, one every `step` bytes from `offset`: thousands, read in a plain loop. */
function numbersOf(bytes: Buffer, count: number, step: number, offset: number): Uint32Array {
  const numbers = new Uint32Array(count);
  for (let i = 0; i < count; i++) numbers[i] = bytes.readUInt32LE(step * i + offset);
  return numbers;
}

/** Words whose owners are read and checked together. */
const TERMS_GROUP: Grouping = { count: 32, bytes: 64 * 1024 };

const isDocumentTerms = (value: unknown): value is DocumentTerms =>
  Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && isString(pair[0]) && arrayOf(isCount)(pair[1]));

const bytesOf = (owners: Uint32Array): Buffer => Buffer.from(owners.buffer, owners.byteOffset, owners.byteLength);

/** The terms entry's pieces (see StoredTerms); numbers little-endian, as Buffer reads them on every platform kubenotes runs on. */
function storedTerms(
  { words, owners, documents }: { words: string[]; owners: Uint32Array[]; documents: number[] },
  build: string,
  keys: DocumentKeys,
): Iterable<Uint8Array> {
  const pieces = owners.map(bytesOf);
  const header: StoredTerms = {
    build,
    words,
    counts: owners.map((list) => list.length),
    groups: groupHashes(pieces, TERMS_GROUP),
    documents,
    keys: { bytes: keys.json.length, hash: keys.hash },
  };
  return sealHeaded(header, [...pieces, keys.json]);
}

/**
 * The term index kept by this build, and the hash of the keys of the documents it was kept for; its owners read a
 * group of words at a time when first asked for, those keys (see documentKey) when asked for.
 */
function keptTerms(
  store: CacheStore,
  entry: string,
  build: string,
): { index: Required<TermIndex>; keys: { hash: string; read: () => string[] | undefined } } | undefined {
  const opened = store.readWith(entry, (readAt) => openHeader(readAt));
  const stored = opened?.header as StoredTerms | undefined;
  if (!opened || !isRecord(stored) || stored.build !== build || !arrayOf(isString)(stored.words)) return undefined;
  if (!arrayOf(isCount)(stored.counts) || !arrayOf(isString)(stored.groups) || !arrayOf(isCount)(stored.documents)) return undefined;
  if (stored.counts.length !== stored.words.length || !isRecord(stored.keys) || !isCount(stored.keys.bytes) || !isString(stored.keys.hash))
    return undefined;
  const lengths = stored.counts.map((count) => count * 4);
  const firsts = groupFirsts(lengths, TERMS_GROUP);
  if (stored.groups.length !== firsts.length - 1) return undefined;
  const starts = [0];
  for (const length of lengths) starts.push(starts.at(-1)! + length);
  const pieces = groupedPieces(store, entry, opened.body, starts, firsts, stored.groups);
  const index: Required<TermIndex> = {
    words: stored.words,
    owners: (i) => {
      const bytes = pieces.at(i);
      if (!bytes) return undefined; // damaged since the header was read: not known
      return numbersOf(bytes, stored.counts[i], 4, 0);
    },
    documents: stored.documents,
  };
  const keys = stored.keys;
  return { index, keys: { hash: keys.hash, read: () => storedKeys(store, entry, opened.body + starts.at(-1)!, keys) } };
}

/** The documents' keys (see documentKey) kept at `at` in an entry, if they are as hashed. */
function storedKeys(store: CacheStore, entry: string, at: number, { bytes, hash }: { bytes: number; hash: string }): string[] | undefined {
  const read = store.readWith(entry, (readAt) => readAt(at, bytes));
  if (!read || sha256(read) !== hash) return undefined;
  try {
    const keys: unknown = JSON.parse(read.toString('utf8'));
    return arrayOf(isString)(keys) ? (keys as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An owner's place in the blocks file: its document's, and its own among the document's owners (see KnownBlocks).
 * Worked out per owner, so that reading a few owners' blocks restores only their files' sections.
 */
function ownerPlaces(collection: Collection): (owner: BlockOwner) => [number, number] {
  const places = new Map(collection.documents.map((document, d) => [document, d]));
  // each document's numbered sections counted once: one file may have 100,000s of sections
  const ordinals = new Map<NotesDocument, Map<Section, number>>();
  return (owner) => {
    if ('sections' in owner) return [places.get(owner)!, 0];
    const document = documentOf(collection, owner);
    let own = ordinals.get(document);
    if (!own) ordinals.set(document, (own = new Map(document.sections.filter((s) => s.number !== null).map((s, i) => [s, i + 1]))));
    return [places.get(document)!, own.get(owner) ?? 0];
  };
}

/** Where each owner's blocks are among those stored: by its document's place, then its own (a document GONE has none). */
function placeTable(documents: ArrayLike<number>, owners: ArrayLike<number>): (document: number, owner: number) => number | undefined {
  const table: number[][] = [];
  for (let k = 0; k < documents.length; k++) if (documents[k] !== GONE) (table[documents[k]] ??= [])[owners[k]] = k;
  return (document, owner) => table[document]?.[owner];
}

/** Kept blocks as the store reads them: also the owners a search did not go through, to keep them when it writes its own. */
interface KeptBlocks extends KnownBlocks {
  /** How many bytes the owners' blocks take in the entry. */
  blockBytes: number;
  /** Whether the entry keeps blocks of the owner at these places. */
  holds(document: number, owner: number): boolean;
  /**
   * The owners not `written` (by their places), their rows as stored (their short texts checked), and their blocks'
   * bytes in order, copied from the entry through `chunk` (checked when read, as any owner's are); it throws if the
   * entry is no longer the one these rows are of.
   */
  others(written: (document: number, owner: number) => number | undefined): {
    rows: BlocksRows;
    bytes(chunk: Buffer): Iterable<Uint8Array>;
  };
}

/**
 * The blocks kept for a collection, in two entries: the whole (`.blocks`), and the recent (`.recent-blocks`), the
 * owners cut since it was written, while they are few beside it. A search that cuts a few owners of a large folder
 * then writes the recent entry again, not the 100s of MBs of the whole; once the recent blocks pass RECENT_SHARE of
 * the whole's, the two are written as one (see writeBlocks). An owner's blocks are looked for in the recent entry first;
 * either holds them as cut from the same texts (see documentKey).
 */
interface BlockEntries {
  recent?: KeptBlocks;
  whole?: KeptBlocks;
}

/**
 * The recent blocks' share of the whole entry's past which they are written into it: a search that cuts sections
 * writes at most a quarter of the whole again, and the whole is written again only once that much was cut since.
 */
const RECENT_SHARE = 1 / 4;

/** The blocks of both entries as one: the recent entry's where it holds an owner's, else the whole's. */
function layeredBlocks({ recent, whole }: BlockEntries): KnownBlocks | undefined {
  if (!recent || !whole) return recent ?? whole;
  return {
    // the rows of both: an owner cut again while the whole kept it is in both until they are written as one
    size: recent.size + whole.size,
    get: (owner) => recent.get(owner) ?? whole.get(owner),
    digests: (places, phrases) => {
      const digests = recent.digests!(places, phrases);
      const rest: number[] = [];
      for (let k = 0; k < digests.length; k++) if (digests[k] === undefined) rest.push(k);
      if (rest.length === 0) return digests;
      const of = (column: Uint32Array) => Uint32Array.from(rest, (k) => column[k]);
      const more = whole.digests!({ documents: of(places.documents), owners: of(places.owners) }, phrases);
      rest.forEach((k, j) => (digests[k] = more[j]));
      return digests;
    },
    prefetch: (places) => {
      recent.prefetch!(places);
      whole.prefetch!(places.filter(([document, owner]) => !recent.holds(document, owner)));
    },
  };
}

/** The length of no short texts as stored: `[],`. */
const NO_SHORT_TEXTS = 3;
const NO_TEXTS: readonly string[] = Object.freeze([]);

/**
 * A digest without short texts, one for every owner whose blocks are as short (a common word's candidates are
 * 100,000s, their digests mostly alike, and each held until the search is done).
 */
function textlessDigest(trimmed: number, normalized: number, leftOut: boolean, shared: Map<number, BlocksDigest>): BlocksDigest {
  const make = (): BlocksDigest => (leftOut ? [NO_TEXTS, trimmed, normalized, true] : [NO_TEXTS, trimmed, normalized]);
  // one number for the three while it is exact (a text of over two million characters is made its own)
  if (normalized >= 2 ** 21 || trimmed >= 2 ** 31) return make();
  const key = (trimmed * 2 ** 21 + normalized) * 2 + (leftOut ? 1 : 0);
  let digest = shared.get(key);
  if (!digest) shared.set(key, (digest = make()));
  return digest;
}

/**
 * Where a text that holds `phrase` is stored as JSON, the phrase's JSON is: JSON escapes a string a character at a
 * time. Undefined for a phrase with a surrogate, which JSON escapes or not by its neighbour.
 */
function jsonPattern(phrase: string): Buffer | undefined {
  return /[\uD800-\uDFFF]/.test(phrase) ? undefined : Buffer.from(JSON.stringify(phrase).slice(1, -1), 'utf8');
}

/**
 * The blocks kept by this build for the documents of the collection (their keys `now`), each owner's read, checked
 * and parsed when first asked for. Kept for other documents (files changed since), those of the documents that are
 * still as they were are used, at their places now.
 */
function keptBlocks(store: CacheStore, entry: string, build: string, now: DocumentKeys, collection: Collection): KeptBlocks | undefined {
  const opened = store.readWith(entry, (readAt) => openHeader(readAt));
  const header = opened?.header as BlocksHeader | undefined;
  if (!opened || !isRecord(header) || header.build !== build || !isCount(header.count) || !isString(header.table)) return undefined;
  const { count } = header;
  if (!arrayOf(isString)(header.digests) || !isRecord(header.keys) || !isCount(header.keys.bytes) || !isString(header.keys.hash))
    return undefined;
  const table = store.readWith(entry, (readAt) => readAt(opened.body, count * TABLE_ROW.bytes));
  if (!table || sha256(table) !== header.table) return undefined;
  const documents = numbersOf(table, count, TABLE_ROW.bytes, 0);
  const owners = numbersOf(table, count, TABLE_ROW.bytes, 4);
  const lengths = numbersOf(table, count, TABLE_ROW.bytes, 8);
  const shortLengths = numbersOf(table, count, TABLE_ROW.bytes, 12);
  const trimmed = numbersOf(table, count, TABLE_ROW.bytes, 16);
  const normalized = numbersOf(table, count, TABLE_ROW.bytes, 20);
  const starts = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) starts[i + 1] = starts[i] + lengths[i];
  const shortStarts = new Float64Array(count + 1);
  shortStarts[0] = starts[count];
  for (let i = 0; i < count; i++) shortStarts[i + 1] = shortStarts[i] + shortLengths[i];
  const shortFirsts = groupFirsts(shortLengths, DIGESTS_GROUP);
  if (header.digests.length !== shortFirsts.length - 1) return undefined;
  const blocksAt = opened.body + table.length;
  if (header.keys.hash !== now.hash) {
    // cut from other documents: each document's blocks where that document is now, if it is still as it was
    const stored = storedKeys(store, entry, blocksAt + shortStarts[count], header.keys);
    if (!stored) return undefined;
    const moved = movedPlaces(stored, now.keys);
    for (let i = 0; i < count; i++) {
      const place = documents[i] < moved.length ? moved[documents[i]] : NOT_HERE;
      documents[i] = place === NOT_HERE ? GONE : place;
    }
  }
  const placed = placeTable(documents, owners);
  // each owner's blocks read (those asked for together) and checked when first asked for
  const pieces = new Map<number, Buffer | undefined>();
  const load = (wanted: number[]): void =>
    readTogether(store, entry, pieces, wanted, undefined, (readAt, i) => {
      const bytes = readAt(blocksAt + starts[i], starts[i + 1] - starts[i]);
      const hash = table.subarray(TABLE_ROW.bytes * i + 4 * TABLE_ROW.numbers, TABLE_ROW.bytes * (i + 1));
      return bytes && sha256Bytes(bytes).equals(hash) ? bytes : undefined;
    });
  /**
   * The blocks of owner `i` as kept, let go once read: a search holds the blocks it matches a group at a time, and
   * one that goes through 100,000s of owners (a typo's) would hold every one here. Past 16 MB of them, the heap's
   * growth is held (see heap.ts), as for the notes.
   */
  let taken = 0;
  const takePiece = (i: number): Buffer | undefined => {
    load([i]);
    const bytes = pieces.get(i);
    pieces.delete(i);
    if (bytes && (taken += bytes.length) >= HOLD_HEAP_AFTER_BYTES) holdHeapGrowth();
    return bytes;
  };
  const placeOf = ownerPlaces(collection);
  // after the blocks; a group's read and checked when one of its owners' is first asked for; a group not as stored:
  // none of its owners' short texts is known
  const short = groupedPieces(store, entry, blocksAt, shortStarts, shortFirsts, header.digests);
  /** The owners of these groups (read) whose short texts as stored hold `pattern`, marked: looked for through each group at once. */
  const holding = (patterns: Buffer[], groups: Iterable<number>): Uint8Array => {
    const found = new Uint8Array(count);
    for (const group of groups) {
      const bytes = short.group(group);
      const from = shortStarts[shortFirsts[group]];
      for (const pattern of patterns) {
        let i = shortFirsts[group];
        for (let at = bytes?.indexOf(pattern) ?? -1; at !== -1; at = bytes!.indexOf(pattern, at + 1)) {
          while (shortStarts[i + 1] - from <= at) i++;
          found[i] = 1;
          at = Math.max(at, shortStarts[i + 1] - from - 1); // on to the next owner's
        }
      }
    }
    return found;
  };
  /**
   * The digest of the owner `i` (of the group `group`); its short texts parsed only if it is `held` (any, without
   * them). Digests without texts are `shared` by all owners alike.
   */
  const digestAt = (
    i: number,
    group: number,
    held: Uint8Array | undefined,
    shared: Map<number, BlocksDigest>,
  ): BlocksDigest | undefined => {
    if (!short.group(group)) return undefined;
    const leftOut = shortLengths[i] !== NO_SHORT_TEXTS && held !== undefined && held[i] === 0;
    if (shortLengths[i] === NO_SHORT_TEXTS || leftOut) return textlessDigest(trimmed[i], normalized[i], leftOut, shared);
    let texts: unknown;
    try {
      texts = JSON.parse(short.at(i)!.toString('utf8', 0, shortLengths[i] - 1));
    } catch {
      return undefined;
    }
    return arrayOf(isString)(texts) ? [texts as string[], trimmed[i], normalized[i]] : undefined;
  };
  return {
    size: count,
    blockBytes: starts[count],
    holds: (document, owner) => placed(document, owner) !== undefined,
    digests: ({ documents: places, owners: own }, phrases) => {
      // loops by index, into typed arrays: a common word's candidates are 100,000s
      const at = new Int32Array(places.length).fill(-1);
      const groupAt = new Int32Array(places.length);
      const groups = new Set<number>();
      for (let k = 0; k < places.length; k++) {
        const i = placed(places[k], own[k]);
        if (i === undefined) continue;
        at[k] = i;
        groups.add((groupAt[k] = groupOf(shortFirsts, i)));
      }
      short.load(groups);
      const patterns = phrases.map(jsonPattern);
      const held = patterns.every((pattern) => pattern !== undefined) ? holding(patterns, groups) : undefined;
      const shared = new Map<number, BlocksDigest>();
      const digests = new Array<BlocksDigest | undefined>(at.length);
      for (let k = 0; k < at.length; k++) digests[k] = at[k] === -1 ? undefined : digestAt(at[k], groupAt[k], held, shared);
      return digests;
    },
    prefetch: (places) => load(places.flatMap(([document, owner]) => placed(document, owner) ?? [])),
    others: (written) => {
      const others: number[] = [];
      for (let i = 0; i < count; i++) {
        // a row of a document gone, or given its place by a later row, is not kept
        if (documents[i] === GONE || placed(documents[i], owners[i]) !== i || written(documents[i], owners[i]) !== undefined) continue;
        // short texts that do not check are as if not kept; they follow every owner's blocks, so an entry cut short
        // within the blocks keeps none
        if (short.at(i)) others.push(i);
      }
      const rows = noRows();
      rows.hashes = Buffer.alloc(HASH_BYTES * others.length);
      others.forEach((i, k) => {
        rows.documents.push(documents[i]);
        rows.owners.push(owners[i]);
        rows.lengths.push(lengths[i]);
        rows.trimmed.push(trimmed[i]);
        rows.normalized.push(normalized[i]);
        rows.shorts.push(short.at(i)!);
        table.copy(rows.hashes, HASH_BYTES * k, TABLE_ROW.bytes * i + 4 * TABLE_ROW.numbers, TABLE_ROW.bytes * (i + 1));
      });
      const at = (i: number) => blocksAt + starts[i];
      return { rows, bytes: (chunk) => copiedBlocks(store, entry, { table: header.table, blocksAt }, others, at, lengths, chunk) };
    },
    get: (owner) => {
      const i = placed(...placeOf(owner));
      const bytes = i === undefined ? undefined : takePiece(i);
      let list: unknown;
      try {
        list = bytes && JSON.parse(bytes.toString('utf8'));
      } catch {
        list = undefined;
      }
      // one that is not blocks is as if not kept: cut again
      return arrayOf(isBlock)(list) ? (list as Block[]) : undefined;
    },
  };
}

/**
 * The blocks of the owners `others` (rows of the blocks entry whose table hashes to `table`), in order, read a chunk at
 * a time (consecutive owners' blocks lie together; one longer than a chunk is read alone). Throws if the entry is
 * another one now, or cannot be read: the entry being written is then left as it was.
 */
function* copiedBlocks(
  store: CacheStore,
  entry: string,
  kept: { table: string; blocksAt: number },
  others: number[],
  at: (i: number) => number,
  lengths: ArrayLike<number>,
  chunk: Buffer,
): Generator<Uint8Array> {
  const opened = store.open(entry);
  try {
    const head = opened && openHeader(opened.readAt);
    const header = head?.header as BlocksHeader | undefined;
    // the same table, where it was: the rows' bytes are where they were
    if (!opened || !isRecord(header) || header.table !== kept.table || head!.body + TABLE_ROW.bytes * header.count !== kept.blocksAt)
      throw new Error('the blocks entry was written anew meanwhile');
    for (let k = 0; k < others.length;) {
      const from = at(others[k]);
      let to = from + lengths[others[k++]];
      while (k < others.length && at(others[k]) === to && to - from + lengths[others[k]] <= chunk.length) to += lengths[others[k++]];
      const bytes = opened.readAt(from, to - from, chunk);
      if (!bytes) throw new Error('the blocks entry cannot be read');
      yield bytes;
    }
  } finally {
    opened?.close();
  }
}

/** Blocks set aside at most this many bytes at a time, and copied into the entry in reads of this size. */
const BLOCKS_CHUNK_BYTES = 1024 * 1024;

/**
 * Rows of the blocks entry (see TABLE_ROW) as columns, with each owner's short texts as stored: 100,000s of them, in
 * arrays of numbers rather than an object each. Their blocks' bytes are elsewhere (a scratch file, the entry before).
 */
interface BlocksRows {
  documents: number[];
  owners: number[];
  lengths: number[];
  trimmed: number[];
  normalized: number[];
  shorts: Uint8Array[];
  /** The SHA-256 of each owner's blocks, one after the other. */
  hashes: Buffer;
}

const noRows = (): BlocksRows => ({
  documents: [],
  owners: [],
  lengths: [],
  trimmed: [],
  normalized: [],
  shorts: [],
  hashes: Buffer.alloc(0),
});

const HASH_BYTES = 32;

/**
 * The blocks entry as a search cuts blocks (see BlocksHeader): each owner's blocks as JSON set aside in a scratch
 * file as they come, and the entry written when the search ends, with the other owners kept before (a search goes
 * through a few) copied from the entry they are in. Neither is ever in memory whole: on a folder they are 100s of MBs.
 */
function blocksWriter(
  store: CacheStore,
  entries: BlockEntryNames,
  collection: Collection,
  { build, keys, kept }: { build: string; keys: DocumentKeys; kept: () => boolean },
  before: () => BlockEntries,
): BlockSink & { finish(): void } {
  const placeOf = ownerPlaces(collection);
  const rows = noRows();
  const shorts: string[] = [];
  let hashes = Buffer.alloc(HASH_BYTES * 1024);
  const added = new Set<BlockOwner>();
  let scratch: Scratch | undefined;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let failed = false;
  let setAside = 0;
  const flush = (): void => {
    if (pendingBytes === 0) return;
    if ((setAside += pendingBytes) >= HOLD_HEAP_AFTER_BYTES) holdHeapGrowth();
    scratch ??= store.scratch(entries.recent);
    failed ||= !scratch?.append(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  return {
    add: (owner, { blocks, digest }) => {
      if (failed || added.has(owner)) return; // a typo's search goes through a literal one's owners again
      added.add(owner);
      // as bytes at once, outside the JS heap: as text, 100s of MBs of it would have that heap grow to hold them
      const bytes = Buffer.from(JSON.stringify(blocks), 'utf8');
      const [short, trimmed, normalized] = digest;
      const [document, own] = placeOf(owner);
      const at = HASH_BYTES * rows.lengths.length;
      if (at === hashes.length) hashes = Buffer.concat([hashes, Buffer.alloc(hashes.length)]);
      sha256Bytes(bytes).copy(hashes, at);
      rows.documents.push(document);
      rows.owners.push(own);
      rows.lengths.push(bytes.length);
      rows.trimmed.push(trimmed);
      rows.normalized.push(normalized);
      // as text until written: a small Buffer is a slice of a pool shared with the blocks' bytes, kept whole while it is
      shorts.push(`${JSON.stringify(short)},`);
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= BLOCKS_CHUNK_BYTES) flush();
    },
    finish: () => {
      flush();
      rows.hashes = hashes.subarray(0, HASH_BYTES * rows.lengths.length);
      rows.shorts = shorts.map((short) => Buffer.from(short, 'utf8'));
      // the blocks read last, whenever they were read: those kept before are kept with these
      if (!failed && rows.lengths.length > 0 && kept()) writeBlocks(store, entries, { rows, scratch, build, keys }, before());
      scratch?.close();
    },
  };
}

/** The names of the two entries of kept blocks (see BlockEntries). */
interface BlockEntryNames {
  whole: string;
  recent: string;
}

/** The blocks a search cut: their rows, their bytes set aside in `scratch`, in order. */
interface CutBlocks {
  rows: BlocksRows;
  scratch: Scratch | undefined;
  build: string;
  keys: DocumentKeys;
}

/**
 * Writes the blocks cut with those of the recent entry (see BlockEntries) as the recent entry; or, where there is
 * no whole entry or the recent blocks are no longer few beside it, as the whole entry, with every owner's it kept,
 * the recent entry removed once that is written.
 */
function writeBlocks(store: CacheStore, names: BlockEntryNames, cut: CutBlocks, { recent, whole }: BlockEntries): void {
  const written = placeTable(cut.rows.documents, cut.rows.owners);
  const recentOthers = recent?.others(written);
  const bytes = (rows: BlocksRows) => rows.lengths.reduce((sum, length) => sum + length, 0);
  const recentBytes = bytes(cut.rows) + (recentOthers ? bytes(recentOthers.rows) : 0);
  if (whole && recentBytes <= RECENT_SHARE * whole.blockBytes) {
    store.write(names.recent, blocksEntry(cut, recentOthers ? [recentOthers] : []));
    return;
  }
  const inRecent = recentOthers ? placeTable(recentOthers.rows.documents, recentOthers.rows.owners) : () => undefined;
  const wholeOthers = whole?.others((document, owner) => written(document, owner) ?? inRecent(document, owner));
  const others = [recentOthers, wholeOthers].flatMap((kept) => kept ?? []);
  if (store.write(names.whole, blocksEntry(cut, others)) && store.mayHold(names.recent)) store.remove(names.recent);
}

/** The blocks entry's pieces: the rows of the owners cut (their blocks set aside, in order), then the `others` kept before. */
function* blocksEntry(
  { rows: cut, scratch, build, keys }: CutBlocks,
  others: Array<ReturnType<KeptBlocks['others']>>,
): Generator<Uint8Array> {
  const parts = [cut, ...others.map((kept) => kept.rows)];
  const count = parts.reduce((sum, rows) => sum + rows.lengths.length, 0);
  const table = Buffer.alloc(count * TABLE_ROW.bytes);
  let i = 0;
  for (const rows of parts) {
    for (let k = 0; k < rows.lengths.length; k++, i++) {
      const row = TABLE_ROW.bytes * i;
      const numbers = [rows.documents[k], rows.owners[k], rows.lengths[k], rows.shorts[k].length, rows.trimmed[k], rows.normalized[k]];
      numbers.forEach((number, n) => table.writeUInt32LE(number, row + 4 * n));
      rows.hashes.copy(table, row + 4 * TABLE_ROW.numbers, HASH_BYTES * k, HASH_BYTES * (k + 1));
    }
  }
  const shortTexts = parts.flatMap((rows) => rows.shorts);
  const header: BlocksHeader = {
    build,
    count,
    table: sha256(table),
    digests: groupHashes(shortTexts, DIGESTS_GROUP),
    keys: { bytes: keys.json.length, hash: keys.hash },
  };
  yield* sealHeaded(header, [table]);
  // the store writes each piece before it asks for the next: one buffer serves every read
  const chunk = Buffer.allocUnsafe(BLOCKS_CHUNK_BYTES);
  const cutBytes = cut.lengths.reduce((sum, length) => sum + length, 0);
  for (let at = 0; at < cutBytes; at += BLOCKS_CHUNK_BYTES) {
    const bytes = scratch?.readAt(at, Math.min(BLOCKS_CHUNK_BYTES, cutBytes - at), chunk);
    if (!bytes) throw new Error('the blocks set aside cannot be read back'); // the entry is left as it was
    yield bytes;
  }
  for (const kept of others) yield* kept.bytes(chunk);
  yield* shortTexts;
  yield keys.json;
}
