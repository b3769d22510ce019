// Entries written together as one file, a pack: a first run on a folder makes an entry for each file, and making a
// file costs the file system more than writing its bytes. Each entry in a pack is as it would be alone, checked as
// it is read; the pack only says where each is. An entry is named by its name's hash (see entryName in cache.ts).
import type { CacheStore, OpenEntry, ReadAt, Scratch } from './cache-store.js';
import { MAX_ENTRY_BYTES } from './cache-store.js';

/** A pack's entries, each read as if it were an entry alone (see CacheStore.readWith). */
export interface EntryPack {
  readWith<T>(name: string, use: (readAt: ReadAt, size: number) => T | undefined): T | undefined;
}

/** A pack being written: its entries can be read as soon as they are added, until it is dropped. */
export interface PackWriter extends EntryPack {
  /** Adds the entry `name` (32 hex digits), the pieces in order; false if it could not be, and the pack will not be written. */
  add(name: string, pieces: readonly Uint8Array[]): boolean;
  /** The names added, in the order they were. */
  readonly names: string[];
  has(name: string): boolean;
  /** Writes the table and puts the pack in place, best effort: whether it was; its entries can still be read. */
  finish(): boolean;
  /** Lets the pack go unwritten. */
  drop(): void;
}

const NAME_BYTES = 16;
/** A row of the table: the entry's name, then where it starts (a float64: past 4 GB) and its length (32 bits). */
const ROW_BYTES = NAME_BYTES + 8 + 4;
/** The footer: the table's start (float64), its rows (32 bits), and this. */
const MAGIC = 0x6b6e706b; // "knpk"
const FOOTER_BYTES = 8 + 4 + 4;
/** Entries are gathered in memory up to this before they are appended: a write per file is what a pack saves. */
const APPEND_BYTES = 256 * 1024;

const nameBytes = (name: string): Buffer | undefined => (/^[0-9a-f]{32}$/.test(name) ? Buffer.from(name, 'hex') : undefined);

/** The part of an entry `length` bytes long at `start` of a larger file, read as the entry alone. */
const sliceOf =
  (readAt: ReadAt, start: number, length: number): ReadAt =>
  (offset, bytes, into) =>
    offset >= 0 && bytes >= 0 && offset + bytes <= length ? readAt(start + offset, bytes, into) : undefined;

/** Where the entry `name` is in a table sorted by name, if it is there. */
function findRow(table: Buffer, name: Buffer): { start: number; length: number } | undefined {
  let low = 0;
  let high = table.length / ROW_BYTES - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = middle * ROW_BYTES;
    const order = Buffer.compare(table.subarray(at, at + NAME_BYTES), name);
    if (order === 0) return { start: table.readDoubleLE(at + NAME_BYTES), length: table.readUInt32LE(at + NAME_BYTES + 8) };
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

function readFrom<T>(
  readAt: ReadAt,
  row: { start: number; length: number } | undefined,
  use: (readAt: ReadAt, size: number) => T | undefined,
): T | undefined {
  if (!row) return undefined;
  try {
    return use(sliceOf(readAt, row.start, row.length), row.length);
  } catch {
    return undefined;
  }
}

/** The pack kept as the entry `entry`, held open until the process ends; undefined if there is none of this shape. */
export function openPack(store: CacheStore, entry: string): EntryPack | undefined {
  const opened: OpenEntry | undefined = store.open(entry);
  if (!opened) return undefined;
  const { size, readAt } = opened;
  const footer = size >= FOOTER_BYTES ? readAt(size - FOOTER_BYTES, FOOTER_BYTES) : undefined;
  const start = footer?.readDoubleLE(0);
  const rows = footer?.readUInt32LE(8);
  const table =
    footer && footer.readUInt32LE(12) === MAGIC && start! + rows! * ROW_BYTES + FOOTER_BYTES === size
      ? readAt(start!, rows! * ROW_BYTES)
      : undefined;
  if (!table) {
    opened.close();
    return undefined;
  }
  return {
    readWith: (name, use) => {
      const key = nameBytes(name);
      return key && readFrom(readAt, findRow(table, key), use);
    },
  };
}

/** A new pack, to be kept as the entry `entry` when finished; undefined where no scratch file can be made. */
export function packWriter(store: CacheStore, entry: string): PackWriter | undefined {
  const scratch: Scratch | undefined = store.scratch(entry);
  if (!scratch) return undefined;
  const rows = new Map<string, { start: number; length: number }>();
  let size = 0;
  let appended = 0;
  let pending: Uint8Array[] = [];
  let failed = false;
  let finished = false;
  const flush = (): void => {
    if (size === appended) return;
    failed ||= !scratch.append(pending.length === 1 ? pending[0] : Buffer.concat(pending, size - appended));
    pending = [];
    appended = size;
  };
  return {
    get names() {
      return [...rows.keys()];
    },
    has: (name) => rows.has(name),
    add: (name, pieces) => {
      if (failed || finished || !nameBytes(name)) return false;
      const length = pieces.reduce((total, piece) => total + piece.length, 0);
      if (size + length + (rows.size + 1) * ROW_BYTES + FOOTER_BYTES > MAX_ENTRY_BYTES) return false;
      rows.set(name, { start: size, length });
      pending.push(...pieces);
      size += length;
      if (size - appended >= APPEND_BYTES) flush();
      return !failed;
    },
    readWith: (name, use) => {
      if (failed) return undefined;
      flush();
      return readFrom(scratch.readAt, rows.get(name), use);
    },
    finish: () => {
      if (finished) return false;
      flush();
      const names = [...rows.keys()].sort();
      const tail = Buffer.alloc(names.length * ROW_BYTES + FOOTER_BYTES);
      for (const [i, name] of names.entries()) {
        const { start, length } = rows.get(name)!;
        const at = i * ROW_BYTES;
        Buffer.from(name, 'hex').copy(tail, at);
        tail.writeDoubleLE(start, at + NAME_BYTES);
        tail.writeUInt32LE(length, at + NAME_BYTES + 8);
      }
      const footer = names.length * ROW_BYTES;
      tail.writeDoubleLE(size, footer);
      tail.writeUInt32LE(names.length, footer + 8);
      tail.writeUInt32LE(MAGIC, footer + 12);
      finished = true;
      return !failed && names.length > 0 && scratch.append(tail) && scratch.keep();
    },
    drop: () => {
      finished = failed = true;
      scratch.close();
    },
  };
}
