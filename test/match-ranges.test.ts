import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { matchRanges, mergeRanges } from '../src/core/query/match-ranges.js';
import { createLexicon } from '../src/core/query/lexicon.js';

describe('ranges for highlighting', () => {
  const lexicon = createLexicon(() => ['memoization', 'caching', 'support']);

  test('each word where it matched, from word starts; typos mark the word they stand for', () => {
    const text = 'Memoization and caching support';
    expect(matchRanges('caching', text, lexicon)).toEqual([[16, 23]]);
    expect(matchRanges('memoisation supp', text, lexicon)).toEqual([
      [0, 11],
      [24, 28],
    ]);
    expect(matchRanges('sum by(path)', 'sum by(path) (rate)', lexicon)).toEqual([
      [0, 3],
      [4, 12],
    ]);
  });

  test('mergeRanges joins overlapping and touching ranges', () => {
    expect(
      mergeRanges([
        [5, 8],
        [0, 2],
        [2, 3],
        [6, 10],
      ]),
    ).toEqual([
      [0, 3],
      [5, 10],
    ]);
  });

  test('ranges are sorted, apart and inside the text, for any query', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (query, text) => {
        const ranges = matchRanges(query, text, lexicon);
        return ranges.every(([start, end], i) => start < end && end <= text.length && (i === 0 || ranges[i - 1][1] < start));
      }),
    );
  });
});
