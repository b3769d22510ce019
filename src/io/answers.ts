// What a command printed, kept with everything it was made from — how it was run (invocation.ts: the command line,
// the working folder, the environment, what its standard streams are, the terminal's size, the Node that ran it), the
// build, and the stamps of the notes, their folders and the configuration file — so that the same command, run the same way on the same
// notes, is printed before the program is even loaded (boot.ts). An answer holds while every stamp does; a file
// stamped with its bytes' hash (its time too close to tell a later change) holds while its bytes are the same and its
// time still cannot tell. Sealed with the cache's key, as every entry whose bytes reach the terminal as they are.
import { readFileSync, statSync, type Stats } from 'node:fs';
import { buildStamp } from './build-stamp.js';
import { cacheFolder } from './cache-folder.js';
import { arrayOf, isRecord, isString } from './cache-schema.js';
import { CacheStore } from './cache-store.js';
import { seal, unseal } from './sealed.js';
import { sha256 } from './sha256.js';
import { folderStampsHold, isRacyTime, type FolderStamp } from './stamps.js';
import { invocationHash, invocationOf, type Invocation } from './invocation.js';
import { writeNow } from './write-now.js';

/**
 * A file an answer was made from: its path (as read, from the working folder), size, modification and change times,
 * device and inode, and the hash of its bytes where its time could not tell a later change (else null).
 */
export type FileStamp = [path: string, size: number, mtimeMs: number, ctimeMs: number, dev: number, ino: number, hash: string | null];

/** Everything on disk an answer was made from. */
export interface AnswerSources {
  files: FileStamp[];
  /** The folders walked and the .gitignore files followed: a file added, removed or renamed changes its folder's. */
  folders: Array<[string, FolderStamp]>;
  /** Paths that were not there (the configuration file, where there is none). */
  missing: string[];
}

/** The header of an answer's entry (its first line); the answer follows. */
interface AnswerHeader {
  build: string;
  invocation: string;
  sources: AnswerSources;
}

/** How many answers are kept, the ones written last, an entry each; and the largest, with its header. */
const ANSWERS_KEPT = 64;
const MAX_ANSWER_BYTES = 1024 * 1024;

const isNumber = (value: unknown): boolean => typeof value === 'number';
const isFileStamp = (value: unknown): value is FileStamp =>
  Array.isArray(value) &&
  value.length === 7 &&
  isString(value[0]) &&
  value.slice(1, 6).every(isNumber) &&
  (value[6] === null || isString(value[6]));
const isFolderStamped = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length === 2 &&
  isString(value[0]) &&
  Array.isArray(value[1]) &&
  value[1].length === 5 &&
  value[1].every(isNumber);
const isHeader = (value: unknown): value is AnswerHeader =>
  isRecord(value) &&
  isString(value.build) &&
  isString(value.invocation) &&
  isRecord(value.sources) &&
  arrayOf(isFileStamp)(value.sources.files) &&
  arrayOf(isFolderStamped)(value.sources.folders) &&
  arrayOf(isString)(value.sources.missing);

/** Is the file as stamped: the same stamp, or where its bytes' hash was kept, the same bytes at a time that still cannot tell? */
function fileHolds([path, size, mtimeMs, ctimeMs, dev, ino, hash]: FileStamp, now: number): boolean {
  try {
    const stats = statSync(path);
    if (!stats.isFile() || stats.size !== size) return false;
    if (hash === null) return stats.mtimeMs === mtimeMs && stats.ctimeMs === ctimeMs && stats.dev === dev && stats.ino === ino;
    // once its time can tell, the program runs and stamps it without the hash: not its bytes read on every run
    return isRacyTime(stats.mtimeMs, now) && sha256(readFileSync(path)) === hash;
  } catch {
    return false;
  }
}

/** Does the error say the path is not there, as a configuration file that is not there is read (no such file, or a file where a folder would be)? */
function saysMissing(error: unknown): boolean {
  const { code } = error as NodeJS.ErrnoException;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isMissing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    return saysMissing(error);
  }
}

/**
 * A file read whole (the configuration file) as it is before it is read: there, or missing; undefined where its
 * stamp could not tell a later change, or it cannot be looked at.
 */
export function stampBeforeReading(path: string, now = Date.now()): Omit<AnswerSources, 'folders'> | undefined {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return saysMissing(error) ? { files: [], missing: [path] } : undefined;
  }
  if (!stats.isFile() || isRacyTime(stats.mtimeMs, now)) return undefined;
  return { files: [[path, stats.size, stats.mtimeMs, stats.ctimeMs, stats.dev, stats.ino, null]], missing: [] };
}

/** Does everything an answer was made from hold? */
export const sourcesHold = ({ files, folders, missing }: AnswerSources, now = Date.now()): boolean =>
  missing.every(isMissing) && folderStampsHold(folders) && files.every((stamp) => fileHolds(stamp, now));

/** The cache folder of the invocation, where its home has one. */
function storeOf(invocation: Invocation): CacheStore | undefined {
  try {
    return new CacheStore(cacheFolder(invocation.env), () => {}); // the program says what is wrong with the folder
  } catch {
    return undefined; // no home folder to keep a cache in
  }
}

const ANSWER_SUFFIX = '.answer';
const entryOf = (hash: string): string => `${hash.slice(0, 32)}${ANSWER_SUFFIX}`;

/** What the same invocation printed before, if it was kept and everything it was made from holds. */
export function keptAnswer(invocation: Invocation): Buffer | undefined {
  const store = storeOf(invocation);
  const key = store?.keptKey();
  if (!store || !key) return undefined;
  const hash = invocationHash(invocation);
  const bytes = unseal(store.read(entryOf(hash)), key)?.bytes;
  const newline = bytes?.indexOf(10) ?? -1;
  if (!bytes || newline === -1) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, newline));
  } catch {
    return undefined;
  }
  if (!isHeader(header) || header.invocation !== hash || header.build !== buildStamp() || !sourcesHold(header.sources)) return undefined;
  return bytes.subarray(newline + 1);
}

/** Keeps what the invocation printed, made from `sources` (best effort: none over the limit, none without a cache). */
export function keepAnswer(invocation: Invocation, sources: AnswerSources, text: string): void {
  const store = storeOf(invocation);
  const key = store?.key();
  if (!store || !key) return;
  const hash = invocationHash(invocation);
  const header = Buffer.from(`${JSON.stringify({ build: buildStamp(), invocation: hash, sources } satisfies AnswerHeader)}\n`, 'utf8');
  const answer = Buffer.from(text, 'utf8');
  if (header.length + answer.length > MAX_ANSWER_BYTES) return;
  store.write(entryOf(hash), seal([header, answer], key));
  store.keepNewest(ANSWER_SUFFIX, ANSWERS_KEPT);
}

/** Prints what the same invocation of this process printed before, if it holds; whether it did. */
export function printedAnswer(process: NodeJS.Process): boolean {
  const invocation = invocationOf(process);
  const answer = invocation && keptAnswer(invocation);
  if (!answer) return false;
  writeNow(answer);
  return true;
}
