// headingSlug: GitHub's slug, as github-slugger makes it, for any text (ASCII through a shorter way).
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { slug } from 'github-slugger';
import { headingSlug } from '../src/core/markdown/slug.js';

describe('headingSlug', () => {
  test('is github-slugger’s slug of any ASCII text, and of any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) }),
        (text) => headingSlug(text) === slug(text),
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => headingSlug(text) === slug(text)),
      { numRuns: 2000 },
    );
  });

  test('examples', () => {
    expect(headingSlug('Caret, Mark & Tilde')).toBe('caret-mark--tilde');
    expect(headingSlug('snake_case (v2.39)')).toBe('snake_case-v239');
    expect(headingSlug('Ünïcode Title')).toBe('ünïcode-title');
  });
});
