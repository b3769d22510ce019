// Values kept in one entry of the cache folder under the hash of what they were made from, the newest first: what a
// command made once and may be asked for again (a file's lexed tokens, a rendered outline). The entry holds the build
// that made them (another build's are made again) and is sealed with the cache's key, as the notes' entry is: what it
// keeps goes to the terminal as it is, and an entry another program sealed is not read.
import { seal, unseal } from './sealed.js';
import { isRecord } from './cache-schema.js';
import type { CacheStore } from './cache-store.js';

/** How much an entry keeps: its oldest values go once it would hold more. */
export interface KeptLimits {
  values: number;
  bytes: number;
}

export interface KeptByHash {
  /** The value kept under `hash`, if the entry holds one. */
  get(hash: string): Buffer | undefined;
  /** Keeps `value` under `hash`, newest, with the values kept before that still fit (best effort; none over the limit). */
  keep(hash: string, value: Buffer): void;
}

/** The entry's header (its first line): the build, and each value's hash and length, newest first. */
interface KeptHeader {
  build: string;
  values: Array<[string, number]>;
}

const isHeader = (value: unknown): value is KeptHeader =>
  isRecord(value) &&
  typeof value.build === 'string' &&
  Array.isArray(value.values) &&
  value.values.every((kept) => Array.isArray(kept) && typeof kept[0] === 'string' && Number.isSafeInteger(kept[1]) && kept[1] >= 0);

/** The values an entry keeps, hash → value, newest first; none if it is not this build's, or not whole. */
function keptValues(bytes: Buffer | undefined, build: string): Map<string, Buffer> {
  const values = new Map<string, Buffer>();
  if (!bytes) return values;
  const newline = bytes.indexOf(10);
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, newline));
  } catch {
    return values;
  }
  if (newline === -1 || !isHeader(header) || header.build !== build) return values;
  let at = newline + 1;
  for (const [hash, length] of header.values) {
    if (at + length > bytes.length) return new Map();
    values.set(hash, bytes.subarray(at, at + length));
    at += length;
  }
  return values;
}

/** The values kept in `store`'s entry `entry` by `build`; nothing is kept without the cache's key. */
export function keptByHash(store: CacheStore, entry: string, build: string, limits: KeptLimits): KeptByHash {
  let read: Map<string, Buffer> | undefined;
  const values = (key: Buffer) => (read ??= keptValues(unseal(store.read(entry), key)?.bytes, build));
  return {
    get: (hash) => {
      const key = store.key();
      return key && values(key).get(hash);
    },
    keep: (hash, value) => {
      const key = store.key();
      if (!key || value.length > limits.bytes) return;
      const kept: Array<[string, Buffer]> = [[hash, value]];
      let bytes = value.length;
      for (const [other, otherValue] of values(key)) {
        if (other === hash || kept.length === limits.values || bytes + otherValue.length > limits.bytes) continue;
        kept.push([other, otherValue]);
        bytes += otherValue.length;
      }
      const header: KeptHeader = { build, values: kept.map(([keptHash, keptValue]) => [keptHash, keptValue.length]) };
      store.write(entry, seal([`${JSON.stringify(header)}\n`, ...kept.map(([, keptValue]) => keptValue)], key));
      read = new Map(kept);
    },
  };
}
