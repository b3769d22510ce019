// The pieces of a cache entry (a word's owners, an owner's short texts) read and checked in groups: few reads for
// the pieces a command asks for, and never much more than it asks for.
import { lastAtMost } from '../core/sorted.js';

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
