// The cache folder's files, trusted only when they are this user's own: a folder and entries owned by the user and
// writable by no one else, opened without following links or blocking on FIFOs, regular files of bounded size only,
// written whole or not at all. Anything else costs time, never output: it is ignored, and said once.
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  lstatSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { MAX_NOTES_BYTES } from './notes-file.js';

/**
 * Reads `length` bytes at `offset` of an open entry (into `into`, when it is long enough: the bytes are then a view
 * of it); undefined past its end or once it is closed.
 */
export type ReadAt = (offset: number, length: number, into?: Buffer) => Buffer | undefined;

/** Pieces smaller than this are gathered into one write: a small file's entry is one system call, not one per piece. */
const GATHER_BYTES = 64 * 1024;

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
}

/**
 * Writes the pieces in order to `fd`, small ones gathered in `batch`. Each piece is written or copied before the next
 * is asked for, so a piece may reuse the buffer of the one before.
 */
function writePieces(fd: number, pieces: Iterable<string | Uint8Array>, batch: Buffer): void {
  let filled = 0;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (filled + bytes.length > batch.length) {
      writeAll(fd, batch.subarray(0, filled));
      filled = 0;
    }
    if (bytes.length >= batch.length) writeAll(fd, bytes);
    else {
      batch.set(bytes, filled);
      filled += bytes.length;
    }
  }
  writeAll(fd, batch.subarray(0, filled));
}

/**
 * Makes `folder`, and each folder above it that is missing, with `mode`, as `mkdir -p` does. Not Node's recursive
 * mkdirSync: where a folder cannot be made under one that exists and the file system says ENOENT (procfs, a cache
 * home under /proc), it makes the parent again and retries forever.
 */
function makeFolders(folder: string, mode: number): void {
  try {
    mkdirSync(folder, { mode });
    return;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(folder) === folder) throw error;
  }
  makeFolders(dirname(folder), mode);
  try {
    mkdirSync(folder, { mode }); // with its parent there, an ENOENT now is the answer
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** An entry held open: its size when opened, its bytes, and a way to let it go. */
export interface OpenEntry {
  size: number;
  readAt: ReadAt;
  close(): void;
}

/** A file of a process's own beside the entries (see CacheStore.scratch): appended to, read back, removed when closed. */
export interface Scratch {
  /** Appends the bytes; false if they could not all be written, or it is closed (the scratch is then of no use). */
  append(bytes: Uint8Array): boolean;
  readAt: ReadAt;
  /** Puts what was appended in place as the entry, best effort: whether it was; it can still be read, and is no longer removed when closed. */
  keep(): boolean;
  close(): void;
}

/** The largest entry read: the notes at their limit, their sections and their blocks. */
export const MAX_ENTRY_BYTES = 10 * MAX_NOTES_BYTES;

const KEY_ENTRY = 'key';
const KEY_BYTES = 32;

/** A temporary file older than this was left by a process that was killed mid-write. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

const uid = process.getuid?.();

/** Why a cache file or folder is not to be trusted, if it is not: another user's, or writable by others. */
function distrust(stats: Stats): string | undefined {
  if (uid === undefined) return undefined; // no owners to check (Windows)
  if (stats.uid !== uid) return 'owned by another user';
  if (stats.mode & 0o022) return 'writable by others';
  return undefined;
}

/** `length` bytes at `offset` of the open file `fd` (into `into`, when it is long enough); undefined if they cannot all be read. */
function readFully(fd: number, offset: number, length: number, into?: Buffer): Buffer | undefined {
  if (offset < 0 || length < 0) return undefined;
  const bytes = into && length <= into.length ? into.subarray(0, length) : Buffer.allocUnsafe(length);
  let filled = 0;
  try {
    for (let got = 1; filled < length && got > 0; filled += got) got = readSync(fd, bytes, filled, length - filled, offset + filled);
  } catch {
    return undefined;
  }
  return filled === length ? bytes : undefined;
}

export class CacheStore {
  private warned = false;
  /** Swept already in this process: a folder of one entry per file is read once, not on every write. */
  private swept = false;
  /** Found there and the user's own in this process: a first run writes an entry per file, each in the same folder. */
  private trusted = false;
  /** Where an entry's small pieces are gathered (entries are written one at a time). */
  private batch?: Buffer;

  /** `warn` is told, once, when the folder or an entry in it is not the user's own. */
  constructor(
    readonly folder: string,
    private readonly warn: (message: string) => void,
  ) {}

  private untrusted(what: string, why: string): undefined {
    if (!this.warned) this.warn(`the cache in ${this.folder} is not used: ${what} is ${why}; remove it or fix its owner and mode`);
    this.warned = true;
    return undefined;
  }

  /** Is the folder there and the user's own? Silent when it is missing or not a folder: the cache is never required. */
  private folderTrusted(): boolean {
    if (this.trusted) return true;
    let stats: Stats;
    try {
      stats = statSync(this.folder);
    } catch {
      return false;
    }
    if (!stats.isDirectory()) return false;
    const why = distrust(stats);
    this.trusted = why === undefined;
    return this.trusted || Boolean(this.untrusted('the folder', why!));
  }

  /**
   * The secret this user's kubenotes seals the notes entries with, made when first needed: an entry not sealed with
   * it was not written by kubenotes. Undefined where the folder cannot be used.
   */
  key(): Buffer | undefined {
    const key = this.keptKey();
    if (key) return key;
    // two runs making it at once: each uses the one that is there after its own write
    this.write(KEY_ENTRY, [randomBytes(KEY_BYTES)]);
    return this.keptKey();
  }

  /** The secret, if a run has made it (see key): what only reads the cache makes none. */
  keptKey(): Buffer | undefined {
    const key = this.read(KEY_ENTRY);
    return key?.length === KEY_BYTES ? key : undefined;
  }

  /** The bytes of the entry `name`, if it is a trusted regular file of bounded size; undefined for anything else. */
  read(name: string): Buffer | undefined {
    return this.readWith(name, (readAt, size) => readAt(0, size));
  }

  /**
   * What `use` makes of the entry `name`, read a part at a time, if it is a trusted regular file of bounded size;
   * undefined for anything else.
   */
  readWith<T>(name: string, use: (readAt: ReadAt, size: number) => T | undefined): T | undefined {
    const entry = this.open(name);
    try {
      return entry && use(entry.readAt, entry.size);
    } catch {
      return undefined;
    } finally {
      entry?.close();
    }
  }

  /** The names in the folder when it was first listed, and those this process has written since (see mayHold). */
  private names?: Set<string>;

  /**
   * Whether the entry `name` may be there: not if it was not when the folder was first listed and this process has
   * not written it since. A first run asks for an entry per file, none of them there: one listing answers for all.
   */
  mayHold(name: string): boolean {
    if (!this.names) {
      try {
        this.names = new Set(readdirSync(this.folder));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return true; // not known: try the entry
        this.names = new Set();
      }
    }
    return this.names.has(name);
  }

  /**
   * The entry `name` held open, if it is a trusted regular file of bounded size: read from as it was when opened,
   * even once a newer entry has been renamed over it, until `close`.
   */
  open(name: string): OpenEntry | undefined {
    if (!this.folderTrusted()) return undefined;
    let fd: number;
    try {
      fd = openSync(join(this.folder, name), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    } catch {
      return undefined; // missing, a link, unreadable
    }
    let stats: Stats;
    try {
      stats = fstatSync(fd);
    } catch {
      closeSync(fd);
      return undefined;
    }
    const usable = stats.isFile() && stats.size <= MAX_ENTRY_BYTES;
    const why = usable ? distrust(stats) : undefined;
    if (!usable || why) {
      closeSync(fd);
      return why ? this.untrusted(`the entry ${name}`, why) : undefined;
    }
    let open = true;
    // within the size it had when opened: an entry that grows is read no further
    const readAt: ReadAt = (offset, length, into) =>
      open && offset + length <= stats.size ? readFully(fd, offset, length, into) : undefined;
    const close = () => {
      if (open) closeSync(fd);
      open = false;
    };
    return { size: stats.size, readAt, close };
  }

  /** A new temporary file of this process's own for the entry `name`, open to write (and read), in a trusted folder. */
  private temporary(name: string, flags: number): { path: string; fd: number } | undefined {
    if (!this.trusted) makeFolders(this.folder, 0o700);
    if (!this.folderTrusted()) return undefined;
    const path = `${join(this.folder, name)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
    return { path, fd: openSync(path, flags | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600) };
  }

  /**
   * A scratch file for the entry `name`: what is too large to hold in memory until the entry is written, written
   * aside meanwhile, or an entry made a piece at a time (see Scratch.keep). Removed when closed unless kept; one a
   * killed process left is swept as its temporary files are.
   */
  scratch(name: string): Scratch | undefined {
    let made: { path: string; fd: number } | undefined;
    try {
      made = this.temporary(name, constants.O_RDWR);
    } catch {
      return undefined;
    }
    if (!made) return undefined;
    const { path, fd } = made;
    let size = 0;
    let open = true;
    let kept = false;
    return {
      append: (bytes) => {
        if (!open) return false;
        try {
          for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written, size + written);
          size += bytes.length;
          return true;
        } catch {
          return false;
        }
      },
      readAt: (offset, length, into) => (open && offset + length <= size ? readFully(fd, offset, length, into) : undefined),
      keep: () => {
        if (!open || kept) return kept;
        try {
          renameSync(path, join(this.folder, name));
          kept = true;
          this.names?.add(name);
        } catch {
          // left as a scratch file: removed when closed
        }
        return kept;
      },
      close: () => {
        if (!open) return;
        open = false;
        try {
          closeSync(fd);
          if (!kept) unlinkSync(path);
        } catch {
          // gone already: swept as a stale temporary
        }
      },
    };
  }

  /**
   * Writes the entry `name` whole or not at all, best effort: a file of its own, then renamed over
   * it (readers see the old file or the new one, never a mix). Temporary files that killed writers left are swept.
   * A piece that cannot be made (the iterable throws) leaves the entry as it was. Whether the entry was written.
   */
  write(name: string, pieces: Iterable<string | Uint8Array>): boolean {
    const path = join(this.folder, name);
    let temporary: string | undefined;
    let fd: number | undefined;
    try {
      const made = this.temporary(name, constants.O_WRONLY);
      if (!made) return false;
      ({ path: temporary, fd } = made);
      writePieces(fd, pieces, (this.batch ??= Buffer.allocUnsafe(GATHER_BYTES)));
      closeSync(fd);
      fd = undefined;
      renameSync(temporary, path);
      temporary = undefined;
      this.names?.add(name);
    } catch {
      try {
        if (fd !== undefined) closeSync(fd);
        if (temporary !== undefined) unlinkSync(temporary);
      } catch {
        // never made
      }
      return false;
    }
    try {
      this.sweep();
    } catch {
      // the folder cannot be listed now: swept on a later write
    }
    return true;
  }

  /** Removes the entry `name`, best effort. */
  remove(name: string): void {
    this.names?.delete(name);
    try {
      unlinkSync(join(this.folder, name));
    } catch {
      // gone already
    }
  }

  /** Removes the entries whose names end with `suffix` but the `keep` written last (best effort): a kind of entry of many. */
  keepNewest(suffix: string, keep: number): void {
    let names: string[];
    try {
      names = readdirSync(this.folder).filter((name) => name.endsWith(suffix));
    } catch {
      return;
    }
    if (names.length <= keep) return;
    const written = names.flatMap((name) => {
      try {
        const stats = lstatSync(join(this.folder, name));
        return stats.isFile() ? [{ name, at: stats.mtimeMs }] : [];
      } catch {
        return []; // gone already
      }
    });
    written.sort((a, b) => b.at - a.at);
    for (const { name } of written.slice(keep)) {
      try {
        unlinkSync(join(this.folder, name));
      } catch {
        // gone already
      }
    }
  }

  /** Removes the user's own temporary files that no live write can still be making. */
  private sweep(): void {
    if (this.swept) return;
    this.swept = true;
    const before = Date.now() - STALE_TEMPORARY_MS;
    for (const name of readdirSync(this.folder)) {
      if (!name.endsWith('.tmp')) continue;
      const path = join(this.folder, name);
      try {
        const stats = lstatSync(path);
        if (stats.isFile() && stats.mtimeMs < before && distrust(stats) === undefined) unlinkSync(path);
      } catch {
        // gone already: another process swept it or renamed it into place
      }
    }
  }
}
