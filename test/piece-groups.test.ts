// Pieces of a cache entry grouped for reading and checking: bounded by their number and by their bytes.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { groupFirsts, groupOf } from '../src/io/piece-groups.js';

describe('groups of pieces', () => {
  test('cover the pieces in order; each at most `count` pieces and, beyond its first, `bytes`; each as long as it may be', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 100 })),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 200 }),
        (lengths, count, bytes) => {
          const firsts = groupFirsts(lengths, { count, bytes });
          expect(firsts[0] ?? 0).toBe(0);
          expect(firsts.at(-1)).toBe(lengths.length);
          for (let g = 0; g + 1 < firsts.length; g++) {
            const group = lengths.slice(firsts[g], firsts[g + 1]);
            const size = group.reduce((sum, length) => sum + length, 0);
            expect(group.length).toBeGreaterThan(0);
            expect(group.length).toBeLessThanOrEqual(count);
            if (group.length > 1) expect(size).toBeLessThanOrEqual(bytes);
            // closed only when the next piece would not fit
            if (firsts[g + 1] < lengths.length && group.length < count) expect(size + lengths[firsts[g + 1]]).toBeGreaterThan(bytes);
            for (let i = firsts[g]; i < firsts[g + 1]; i++) expect(groupOf(firsts, i)).toBe(g);
          }
        },
      ),
    );
  });

  test('a piece larger than the bytes of a group is a group of its own: a common word read alone', () => {
    expect(groupFirsts([4, 4, 4000, 4, 4], { count: 32, bytes: 1024 })).toEqual([0, 2, 3, 5]);
    expect(groupFirsts([], { count: 32, bytes: 1024 })).toEqual([0]);
  });
});
