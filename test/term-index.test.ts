// The term index: a document's words with the owners (preamble, numbered sections) that hold them, merged in reading
// order, and the candidates a query looks up in it — the same hits as a search that reads every section.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { documentTerms, ownerTexts } from '../src/core/query/owner-texts.js';
import { placeOf, type Hit } from '../src/core/query/hit.js';
import { searchIndex } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import { movedTerms, NOT_HERE, TermMerger, type TermIndex } from '../src/core/query/term-index.js';
import { termIndexOf } from './helpers/terms.js';
import { bundledCollection, collectionOf, fixturePath } from './helpers/notes.js';

const shown = (hits: Hit[]) => hits.map((hit) => [placeOf(hit.block).file, hit.block.line, hit.block.text, hit.score]);

describe("a document's owners", () => {
  test('the text before the first section with the title and metadata, then each numbered section with its path, lowered', () => {
    const [document] = collectionOf(fixturePath('frontmatter/toml.md')).documents;
    const owners = ownerTexts(document);
    const numbered = document.sections.filter((section) => section.number !== null);
    expect(owners.map((owner) => owner.section)).toEqual([null, ...numbered]);
    expect(owners[0].lowered).toBe(`${owners[0].source}\n${document.title} ${Object.values(document.meta).flat().join(' ')}`.toLowerCase());
    numbered.forEach((section, i) =>
      expect(owners[i + 1].lowered).toBe(`${owners[i + 1].source}\n${section.path.join(' \u0000 ')}`.toLowerCase()),
    );
    expect(owners[1].lowered).toMatch(/[a-z]/);
    expect(owners[1].lowered).not.toMatch(/[A-Z]/);
  });
});

describe("a document's words", () => {
  test('each word once, with the owners that hold it: the text before the first section is owner 0', () => {
    expect(documentTerms([{ lowered: 'intro text' }, { lowered: 'one two two' }, { lowered: 'two' }])).toEqual([
      ['intro', [0]],
      ['text', [0]],
      ['one', [1]],
      ['two', [1, 2]],
    ]);
  });
});

/** Documents' words: each word with owners below the document's owner count, ascending, each word once. */
const documentWords = fc
  .tuple(
    fc.integer({ min: 1, max: 40 }),
    fc.uniqueArray(
      fc.tuple(fc.constantFrom('a', 'b', 'c', 'cd', 'e', 'f', 'gh', 'ij'), fc.array(fc.nat(), { minLength: 1, maxLength: 6 })),
      {
        maxLength: 8,
        selector: ([word]) => word,
      },
    ),
  )
  .map(([owners, words]) => ({
    owners,
    terms: words.map(([word, picks]): [string, number[]] => [word, [...new Set(picks.map((pick) => pick % owners))].sort((x, y) => x - y)]),
  }));

describe('merged in reading order', () => {
  test('owners are numbered on from document to document in the order given, whatever order they were added in; a document added twice counts once', () => {
    const merger = new TermMerger();
    merger.add(1, [['b', [0, 2]]]);
    merger.add(0, [
      ['a', [0]],
      ['b', [1]],
    ]);
    merger.add(1, [['b', [0, 2]]]);
    const { words, owners } = merger.merged([
      { key: 0, owners: 2 },
      { key: 1, owners: 3 },
    ]);
    expect(words).toEqual(['b', 'a']);
    expect(owners.map((list) => [...list])).toEqual([[1, 2, 4], [0]]);
  });
});

describe('merged', () => {
  test('each word has the owners of every document in the order given, numbered on, whatever order they were added in', () => {
    fc.assert(
      fc.property(
        fc.array(documentWords, { minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        fc.nat(),
        (documents, shuffles, leftOut) => {
          const keys = documents.map((_, key) => key);
          const added = [...keys].sort(() => (shuffles.next().value % 3) - 1);
          const order = keys.filter((key) => documents.length === 1 || key !== leftOut % documents.length);
          const merger = new TermMerger();
          for (const key of added) merger.add(key, documents[key].terms);
          const { words, owners, documents: counts } = merger.merged(order.map((key) => ({ key, owners: documents[key].owners })));
          const expected = new Map<string, number[]>();
          let first = 0;
          for (const key of order) {
            for (const [word, held] of documents[key].terms)
              expected.set(word, [...(expected.get(word) ?? []), ...held.map((o) => first + o)]);
            first += documents[key].owners;
          }
          // a word of the document left out alone is there with no owners
          const got = new Map(words.map((word, w): [string, number[]] => [word, [...owners[w]]]).filter(([, list]) => list.length > 0));
          expect(got).toEqual(expected);
          expect(counts).toEqual(order.map((key) => documents[key].owners));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('moved from an earlier collection', () => {
  test("the owners of the documents still there renumbered, the others' left out, the new ones' put in: as merged afresh", () => {
    fc.assert(
      fc.property(
        fc.array(documentWords, { minLength: 1, maxLength: 10 }),
        fc.array(documentWords, { maxLength: 3 }),
        fc.infiniteStream(fc.nat()),
        (earlier, fresh, picks) => {
          /** The words of documents in this order, merged: each word's owners, none left empty. */
          const merged = (documents: Array<{ owners: number; terms: Array<[string, number[]]> }>) => {
            const merger = new TermMerger();
            documents.forEach((document, key) => merger.add(key, document.terms));
            return merger.merged(documents.map((document, key) => ({ key, owners: document.owners })));
          };
          const listed = (index: { words: readonly string[]; owners: ArrayLike<ArrayLike<number>> }) =>
            new Map(index.words.map((word, w): [string, number[]] => [word, Array.from(index.owners[w])]).filter(([, o]) => o.length > 0));
          // some documents stay (shuffled), some go, new ones come in between
          const staying = earlier.map((_, place) => place).filter(() => picks.next().value % 4 !== 0);
          const now: Array<{ from?: number; document: (typeof earlier)[number] }> = staying
            .sort(() => (picks.next().value % 3) - 1)
            .map((from) => ({ from, document: earlier[from] }));
          for (const document of fresh) now.splice(picks.next().value % (now.length + 1), 0, { document });
          const before = merged(earlier);
          const moved = earlier.map((_, place) => now.findIndex((doc) => doc.from === place));
          const added = now.flatMap((doc, place) => (doc.from === undefined ? [{ place, terms: doc.document.terms }] : []));
          const counts = now.map((doc) => doc.document.owners);
          const index = { words: before.words, owners: (i: number) => before.owners[i], documents: before.documents };
          const result = movedTerms(
            index,
            moved.map((place) => (place === -1 ? NOT_HERE : place)),
            counts,
            added,
          )!;
          expect(listed(result)).toEqual(listed(merged(now.map((doc) => doc.document))));
          expect(result.documents).toEqual(counts);
          result.owners.forEach((list) => expect([...list]).toEqual([...list].sort((x, y) => x - y)));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('not moved when an earlier word cannot be read, or a document moved has another number of owners', () => {
    const index = { words: ['a'], owners: () => [0, 1], documents: [2] };
    expect(movedTerms({ ...index, owners: () => undefined }, [0], [2], [])).toBeUndefined();
    expect(movedTerms(index, [0], [3], [])).toBeUndefined();
    expect(movedTerms(index, [0], [2], [])).toEqual({ words: ['a'], owners: [Uint32Array.from([0, 1])], documents: [2] });
  });
});

describe('a search through the index finds what a search reading every section finds', () => {
  const collections = [
    bundledCollection(),
    collectionOf(...['blocks.md', 'headings.md', 'outline.md', 'frontmatter/toml.md'].map(fixturePath)),
  ];
  const words = [...new Set(collections.flatMap((c) => c.sections.flatMap((s) => s.title.toLowerCase().split(/\s+/))))].filter(
    (w) => w.length > 2,
  );
  /** A word of the notes, cut, mistyped or stemmed, alone or with another. */
  const query = fc
    .tuple(
      fc.constantFrom(...words),
      fc.nat(),
      fc.constantFrom('whole', 'cut', 'typo', 'plural'),
      fc.option(fc.constantFrom(...words), { nil: undefined }),
    )
    .map(([word, at, how, other]) => {
      const changed =
        how === 'cut'
          ? word.slice(0, Math.max(2, word.length - 2))
          : how === 'typo'
            ? word.slice(0, at % word.length) + word.slice((at % word.length) + 1)
            : how === 'plural'
              ? `${word}s`
              : word;
      return other ? `${changed} ${other}` : changed;
    });

  test.each(collections.map((collection, i) => [i, collection] as const))('collection %i', (_, collection) => {
    const terms = termIndexOf(collection);
    fc.assert(
      fc.property(query, fc.option(fc.constantFrom(...words), { nil: undefined }), (q, within) => {
        const through = searchIndex({ ...collection }, blockCutter, undefined, terms).search(q, { limit: 10, within });
        const reading = searchIndex({ ...collection }, blockCutter).search(q, { limit: 10, within });
        expect(shown(through)).toEqual(shown(reading));
      }),
      { numRuns: 60 },
    );
  });

  test("an index that cannot tell a word's owners (a damaged store) costs time, never hits", () => {
    const collection = bundledCollection();
    const { words: known } = termIndexOf(collection);
    const damaged: TermIndex = { words: known, owners: () => undefined };
    for (const q of ['helm', 'prometeus', 'argo workflows']) {
      expect(shown(searchIndex({ ...collection }, blockCutter, undefined, damaged).search(q, { limit: 10 }))).toEqual(
        shown(searchIndex({ ...collection }, blockCutter).search(q, { limit: 10 })),
      );
    }
  });
});
