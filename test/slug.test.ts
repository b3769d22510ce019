// headingSlug: GitHub's slug, as github-slugger makes it, for any text (ASCII through a shorter way).
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import GithubSlugger, { slug } from 'github-slugger';
import { HeadingSlugger, headingSlug, slugsTo } from '../src/core/markdown/slug.js';

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

  test('slugsTo tells whether a text slugs to an id as comparing its slug does: its own, one a character off, any', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) });
    const anyText = fc.oneof(ascii, fc.string({ unit: 'binary' }), fc.constantFrom('Ünïcode Title', 'ΟΔΟΣ Σ', 'İstanbul'));
    const pairs = anyText.chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.oneof(
          fc.constant(headingSlug(text)),
          fc.nat().map((n) => headingSlug(text).slice(0, n)), // a prefix of it
          fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([n, c]) => {
            const own = headingSlug(text);
            const at = own.length ? n % own.length : 0;
            return `${own.slice(0, at)}${c}${own.slice(at + 1)}`; // a character changed
          }),
          fc.constant(`${headingSlug(text)}-1`),
          anyText,
        ),
      ),
    );
    fc.assert(
      fc.property(pairs, ([text, id]) => slugsTo(text, id) === (headingSlug(text) === id)),
      { numRuns: 5000 },
    );
  });

  test("HeadingSlugger gives a document's headings the ids github-slugger's slugger does, repeats and all", () => {
    // titles that repeat, and titles that are a repeat's numbered slug already (`Demo 1` after two `Demo`s)
    const title = fc.oneof(
      fc.constantFrom('Demo', 'demo', 'Demo 1', 'Demo-1', 'demo 2', 'Ünïcode', 'ünïcode', '', '-', 'A & B', 'a  b'),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(title, { maxLength: 30 }), (titles) => {
        const ours = new HeadingSlugger();
        const theirs = new GithubSlugger();
        return titles.every((text) => ours.slug(text) === theirs.slug(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('examples', () => {
    expect(slugsTo('Caret, Mark & Tilde', 'caret-mark--tilde')).toBe(true);
    expect(slugsTo('Caret, Mark & Tilde', 'caret-mark-tilde')).toBe(false);
    expect(slugsTo('Über Äpfel', 'über-äpfel')).toBe(true);
    expect(headingSlug('Caret, Mark & Tilde')).toBe('caret-mark--tilde');
    expect(headingSlug('snake_case (v2.39)')).toBe('snake_case-v239');
    expect(headingSlug('Ünïcode Title')).toBe('ünïcode-title');
  });
});
