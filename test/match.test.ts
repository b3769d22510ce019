import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { createMatcher, foldText, Tier } from '../src/core/query/match.js';

const lines = [
  'Memoization and caching support', // 0
  'Support for out-of-order time series (v2.39)', // 1
  'Lots of non-container based resources/services', // 2
  'sum by(path) (rate(x[5m]))', // 3
  'Rescanning images', // 4
  'Caching support', // 5
  'support caching', // 6
  'Starting in v2.37', // 7
];
const matcher = createMatcher(lines, (line) => ({ primary: line, context: ['Talk › Section'] }));
const tiers = (query: string) =>
  Object.fromEntries(matcher.match(query).map((r) => [r.index, Object.keys(Tier).find((k) => Tier[k as keyof typeof Tier] === r.tier)]));

describe('tiers', () => {
  test('exact, then phrase, then all words in any order, then prefixes', () => {
    expect(tiers('caching support')).toEqual({ 0: 'Phrase', 5: 'Exact', 6: 'Words' });
    expect(tiers('caching supp')).toEqual({ 0: 'Phrase', 5: 'Phrase', 6: 'Prefix' });
    expect(tiers('cach supp')).toEqual({ 0: 'Prefix', 5: 'Prefix', 6: 'Prefix' });
  });

  test('a word may match in the context; case does not matter', () => {
    expect(tiers('TALK memoization')).toEqual({ 0: 'Words' });
  });

  test('punctuation in a query is literal', () => {
    expect(tiers('v2.39')).toEqual({ 1: 'Phrase' });
    expect(tiers('non-container')).toEqual({ 2: 'Phrase' });
    expect(tiers('sum by(path)')).toEqual({ 3: 'Phrase' });
    expect(matcher.match('by(paths)', { typos: false })).toEqual([]);
    expect(tiers('by(paths)')).toEqual({ 3: 'Typo' }); // its parts: by, and path a typo away
  });

  test('typos: an unknown word finds the words a typo away; literal matches are never typos', () => {
    expect(tiers('memoisation')).toEqual({ 0: 'Typo' });
    expect(tiers('memoizaton')).toEqual({ 0: 'Typo' });
    expect(matcher.match('memoisation', { typos: false })).toEqual([]);
  });

  test('fuse finds "scaning" inside "rescanning", Levenshtein over the whole word rejects it', () => {
    expect(tiers('scaning')).toEqual({});
  });

  test('a word the items use is taken as meant: "starting" is not a typo of "sharding"', () => {
    const withSharding = createMatcher([...lines, 'Enable sharding'], (line) => ({ primary: line }));
    expect(withSharding.match('sharding').map((r) => r.index)).toEqual([8]);
    expect(withSharding.match('shardng').map((r) => r.index)).toEqual([8]);
  });

  test('without typos, the matches are those with typos that are not in the typo tier, ranked alike, for any titles and query', () => {
    // show takes a query's literal matches when there are any and looks words up a typo away only when there are none
    const word = fc.constantFrom(
      'cache',
      'caching',
      'cach',
      'support',
      'suport',
      'rate',
      'rates',
      'mesh',
      'mash',
      'v2.39',
      'by(path)',
      'ünïcode',
    );
    const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.array(fc.record({ primary: text, context: fc.array(text, { maxLength: 2 }) }), { maxLength: 12 }),
        text,
        (targets, query) => {
          const matcher = createMatcher(targets, (target) => target);
          const withTypos = matcher.match(query).filter((ranked) => ranked.tier !== Tier.Typo);
          expect(matcher.match(query, { typos: false })).toEqual(withTypos);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('scores: an own word beats the same word in the context', () => {
    const [own, context] = createMatcher(['beta alpha', 'beta'], (line) => ({ primary: line, context: ['alpha'] })).match('alpha beta');
    expect([own.tier, context.tier]).toEqual([Tier.Words, Tier.Words]);
    expect(own.score).toBeGreaterThan(context.score);
  });
});

describe('folding keeps offsets', () => {
  test('lowercase, blanks, curly quotes', () => {
    expect(foldText('What’s\tNEXT “now”')).toBe('what\'s next "now"');
  });

  test('the folded text is as long as the text, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => foldText(text).length === text.length));
  });
});
