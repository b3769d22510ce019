// The pieces of a cache entry (a word's owners, an owner's short texts) read and checked in groups: few reads for
// the pieces a command asks for, and never much more than it asks for.
import { sha256 } from './sha256.js';
import { lastAtMost } from '../core/sorted.js';
import type { CacheStore, ReadAt } from './cache-store.js';

/** Pieces read and checked together: at most `count` of them, and beyond the first, at most `bytes` in all. */
export interface Grouping {
  count: number;
  bytes: number;
}

/**
 * The first piece of each group of pieces of these lengths, grouped as `grouping` says, then the number of pieces:
 * bounded by bytes too, so that a common word's owners (or a long run of short texts) are read and checked alone.
 */
export function groupFirsts(lengths: ArrayLike<number>, { count, bytes }: Grouping): number[] {
  const firsts: number[] = [];
  let size = 0;
  for (let i = 0; i < lengths.length; i++) {
    if (firsts.length === 0 || i - firsts[firsts.length - 1] === count || size + lengths[i] > bytes) {
      firsts.push(i);
      size = 0;
    }
    size += lengths[i];
  }
  firsts.push(lengths.length);
  return firsts;
}

/** The group (see groupFirsts) that piece `i` is in. */
export const groupOf = (firsts: number[], i: number): number => lastAtMost(firsts, i, firsts.length - 2);

/** The hash of each group of the pieces (see groupFirsts): what a read of the group is checked against. */
export function groupHashes(pieces: Uint8Array[], grouping: Grouping): string[] {
  const firsts = groupFirsts(
    pieces.map((piece) => piece.length),
    grouping,
  );
  const groups: string[] = [];
  for (let g = 0; g + 1 < firsts.length; g++) {
    groups.push(sha256(...pieces.slice(firsts[g], firsts[g + 1])));
  }
  return groups;
}

/**
 * What `read` makes of each of `keys` not in `into` yet, put there: read through one opening of the entry (a search
 * asks for thousands); `none` for each when the entry cannot be opened again.
 */
export function readTogether<K, V>(
  store: CacheStore,
  entry: string,
  into: Map<K, V>,
  keys: Iterable<K>,
  none: V,
  read: (readAt: ReadAt, key: K) => V,
): void {
  const missing = [...new Set(keys)].filter((key) => !into.has(key));
  if (missing.length === 0) return;
  store.readWith(entry, (readAt) => {
    for (const key of missing) into.set(key, read(readAt, key));
    return true;
  });
  for (const key of missing) if (!into.has(key)) into.set(key, none);
}

/** Pieces of an entry read and checked a group at a time (see groupedPieces). */
export interface GroupedPieces {
  /** Piece `i`, its group read and checked if it was not; undefined if the group does not check. */
  at(i: number): Buffer | undefined;
  /** Group `g` as read (see load); undefined if it was not read or does not check. */
  group(g: number): Buffer | undefined;
  /** Reads and checks these groups, those not read yet, through one opening of the entry. */
  load(groups: Iterable<number>): void;
}

/**
 * The pieces of a headed entry's body (piece i from `starts[i]` to `starts[i + 1]`, after the header's `body`
 * bytes), read a group at a time (see groupFirsts) and checked against its hash when one of them is first asked for.
 */
export function groupedPieces(
  store: CacheStore,
  entry: string,
  body: number,
  starts: ArrayLike<number>,
  firsts: number[],
  hashes: string[],
): GroupedPieces {
  const groups = new Map<number, Buffer | undefined>();
  const load = (wanted: Iterable<number>): void =>
    readTogether(store, entry, groups, wanted, undefined, (readAt, g) => {
      const from = starts[firsts[g]];
      const to = starts[firsts[g + 1]];
      const bytes = readAt(body + from, to - from);
      return bytes && sha256(bytes) === hashes[g] ? bytes : undefined;
    });
  return {
    at: (i) => {
      const g = groupOf(firsts, i);
      load([g]);
      const from = starts[firsts[g]];
      return groups.get(g)?.subarray(starts[i] - from, starts[i + 1] - from);
    },
    group: (g) => groups.get(g),
    load,
  };
}
