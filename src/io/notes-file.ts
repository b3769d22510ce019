// Reading one notes file safely: a regular file only (a FIFO or a device never ends), opened without blocking, and
// no larger than what is left of the notes' size limit, checked before a byte is read.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { KubenotesError, NotesNotFound, NotesTooLarge } from '../core/errors.js';

/** The most notes kubenotes reads, files and standard input together: it holds them in memory, at about 30 times their size. */
export const MAX_NOTES_BYTES = 100 * 1024 * 1024;

/** What is left of the size limit as the notes are read. */
export class SizeBudget {
  constructor(
    private left = MAX_NOTES_BYTES,
    readonly limit = left,
  ) {}

  /** Takes `bytes` for `path`, or throws NotesTooLarge naming it. */
  take(path: string, bytes: number): void {
    if (bytes > this.left) throw new NotesTooLarge(path, this.limit);
    this.left -= bytes;
  }

  /** Throws NotesTooLarge naming `path` if `bytes` would not fit, taking nothing. */
  check(path: string, bytes: number): void {
    if (bytes > this.left) throw new NotesTooLarge(path, this.limit);
  }
}

/** Why a path cannot be read, in words, from a Node error code. */
export function reasonFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'no space left on the disk';
  if (code === 'EFBIG') return 'file too large for this system';
  return (error as Error).message;
}

/** What a path that is not a regular file is, in words. */
function notAFile(stats: Stats): string {
  if (stats.isDirectory()) return 'is a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO), not a file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device, not a file';
  if (stats.isSocket()) return 'a socket, not a file';
  return 'not a regular file';
}

/** How much is read at a time from a file whose size says nothing (/proc files say 0). */
const CHUNK_BYTES = 1024 * 1024;
/** One buffer for those reads, all synchronous: what it holds is copied out. */
let scratch: Buffer | undefined;

/**
 * The bytes of the notes file at `path`, taken from `budget`. Opening does not block, so a FIFO is refused instead of
 * waited on; what it is and how large it is are read from the open file, so it cannot change in between; and bytes
 * are counted as they come, since a file of /proc says it is empty and never ends. `at` is where it is on disk when
 * that is not `path` (a name that is not UTF-8).
 */
export function readNotesFile(path: string, budget: SizeBudget, at: string | Buffer = path): Uint8Array {
  let fd: number;
  try {
    fd = openSync(at, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new NotesNotFound(path, reasonFor(error));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotesNotFound(path, notAFile(stats));
    budget.check(path, stats.size);
    return readCounted(fd, path, stats.size, budget);
  } catch (error) {
    if (error instanceof KubenotesError) throw error;
    throw new NotesNotFound(path, reasonFor(error));
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, taking each chunk from `budget` as it is read: the stated size at once, anything after it in pieces. */
function readCounted(fd: number, path: string, size: number, budget: SizeBudget): Uint8Array {
  const chunks: Buffer[] = [];
  const whole = Buffer.allocUnsafe(size);
  let filled = 0;
  for (let got = 1; filled < size && got > 0; filled += got) got = readSync(fd, whole, filled, size - filled, null);
  budget.take(path, filled);
  chunks.push(whole.subarray(0, filled));
  scratch ??= Buffer.allocUnsafe(CHUNK_BYTES);
  for (let got = readSync(fd, scratch, 0, CHUNK_BYTES, null); got > 0; got = readSync(fd, scratch, 0, CHUNK_BYTES, null)) {
    budget.take(path, got);
    chunks.push(Buffer.from(scratch.subarray(0, got)));
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}
