// Properties of the whole core for notes as they come from anywhere (test/helpers/hostile-markdown.ts): decoding,
// parsing, collecting, resolving and searching never throw anything but kubenotes's own errors; slices stay
// lossless, ids and numbers unique, titles on one line. A failure prints its seed: FC_SEED=… FC_PATH=… replays it.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { buildCollection } from '../src/core/notes/collection.js';
import { documentOf } from '../src/core/notes/documents.js';
import { decodeNotes, decodeWindows1252, repairMojibake, repairOutsideCode } from '../src/core/markdown/decode.js';
import { KubenotesError, NotText } from '../src/core/errors.js';
import { frontMatterParsers } from '../src/core/markdown/frontmatter-parsers.js';
import { lineStarts, parseDocument, sectionSlices } from '../src/core/markdown/parse.js';
import { pagesOf } from '../src/core/notes/pages.js';
import { resolveQuery } from '../src/core/query/resolve.js';
import { searchIndex } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import type { Collection } from '../src/core/types.js';
import { hostileFragment, hostileInline, hostileNotes } from './helpers/hostile-markdown.js';

/** Notes as files; a NUL would make one binary, which the reader skips before the core sees it. */
const collectionOf = (texts: string[]): Collection =>
  buildCollection(
    texts.map((text, i) => ({ file: `dir/file-${i}.md`, bytes: Buffer.from(text.replace(/\u0000/g, '')) })),
    frontMatterParsers,
  );

/** Text as UTF-8 can hold it: a lone surrogate becomes U+FFFD, as Buffer.from writes it. */
const wellFormed = (text: string): string =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** A query as a user may type one: words, numbers, paths, anchors, or anything at all. */
const query = fc.oneof(
  hostileInline,
  fc.stringMatching(/^\d{1,2}(\.\d{1,2}){0,3}\.?$/),
  fc.tuple(hostileInline, hostileInline).map(([a, b]) => `${a}/${b}`),
  hostileInline.map((text) => `file-0.md#${text}`),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('decoding', () => {
  test('any bytes: text, or NotText for a NUL near the start; never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          expect(typeof decodeNotes(bytes, 'x.md')).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(NotText);
          expect(bytes.includes(0)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('UTF-8 of any text is read back as that text (a leading BOM dropped), repaired only where it was mojibake', () => {
    fc.assert(
      fc.property(hostileNotes, (text) => {
        const utf8 = wellFormed(text).replace(/\u0000/g, '');
        expect(decodeNotes(Buffer.from(utf8), 'x.md')).toBe(repairOutsideCode(utf8.replace(/^\ufeff/, '')));
      }),
      { numRuns: 300 },
    );
  });

  test('text mis-read once as Windows-1252 is put back exactly', () => {
    // C1 controls are not printable text, so a repair never produces them
    const printable = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/[\u0080-\u009f]/g, ''));
    fc.assert(
      fc.property(printable, (text) => {
        expect(repairMojibake(decodeWindows1252(Buffer.from(text)))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parsing', () => {
  test('never throws; slices reproduce the file; ids unique; titles on one line; each section where its line says', () => {
    fc.assert(
      fc.property(hostileNotes, (text) => {
        const document = parseDocument(text, 'x.md', { parsers: frontMatterParsers });
        expect(sectionSlices(document).join('')).toBe(text);
        const ids = document.sections.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        const starts = lineStarts(text);
        for (const section of document.sections) {
          expect(section.line).toBeGreaterThanOrEqual(1);
          expect(section.line).toBeLessThanOrEqual(starts.length);
          expect(text.startsWith(section.markdown, starts[section.line - 1])).toBe(true);
          expect(section.title).not.toMatch(/[\r\n]/);
        }
        expect(document.title).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 1000 },
    );
  });

  test('10,000 headings of any titles: lossless, ids and numbers unique', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(hostileFragment, fc.constant('Demo'))), {
          minLength: 10_000,
          maxLength: 10_000,
        }),
        (headings) => {
          const text = headings.map(([level, title]) => `${'#'.repeat(level)} ${title}\n`).join('');
          const document = parseDocument(text, 'x.md');
          expect(sectionSlices(document).join('')).toBe(text);
          expect(new Set(document.sections.map((s) => s.id)).size).toBe(document.sections.length);
          const numbers = document.sections.flatMap((s) => (s.number === null ? [] : [s.number]));
          expect(new Set(numbers).size).toBe(numbers.length);
        },
      ),
      { numRuns: 3 },
    );
  });
});

describe('a collection of several files', () => {
  test('numbers unique across files, each section in its own document, in reading order', () => {
    fc.assert(
      fc.property(fc.array(hostileNotes, { minLength: 1, maxLength: 4 }), (texts) => {
        const collection = collectionOf(texts);
        expect(collection.documents.map((d) => d.file)).toEqual(texts.map((_, i) => `dir/file-${i}.md`));
        expect(collection.sections).toEqual(collection.documents.flatMap((d) => d.sections));
        const numbers = collection.sections.flatMap((s) => (s.number === null ? [] : [s.number]));
        expect(new Set(numbers).size).toBe(numbers.length);
        for (const section of collection.sections) expect(documentOf(collection, section).sections).toContain(section);
      }),
      { numRuns: 300 },
    );
  });
});

describe('resolving a show query', () => {
  test('sections of the notes, or NoMatch and kin (exit 1 or 2): never another error', () => {
    fc.assert(
      fc.property(fc.array(hostileNotes, { minLength: 1, maxLength: 3 }), query, fc.boolean(), (texts, words, first) => {
        const collection = collectionOf(texts);
        try {
          const sections = resolveQuery(collection, words, { first });
          expect(sections.length).toBeGreaterThan(0);
          // a page is found as a whole, else a section
          for (const section of sections) expect([...pagesOf(collection), ...collection.sections]).toContain(section);
          if (first) expect(sections).toHaveLength(1);
        } catch (error) {
          expect(error).toBeInstanceOf(KubenotesError);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('every outline number finds its section', () => {
    fc.assert(
      fc.property(fc.array(hostileNotes, { minLength: 1, maxLength: 3 }), (texts) => {
        const collection = collectionOf(texts);
        const ids = new Set(collection.sections.map((s) => s.id));
        for (const section of collection.sections) {
          // an id is tried before a number: a heading titled "2" is what `show 2` names
          if (section.number !== null && !ids.has(section.number)) expect(resolveQuery(collection, section.number)).toEqual([section]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('searching', () => {
  test('never throws; at most the limit; scores 0–1, best first; ranges inside the text, in order, apart', () => {
    fc.assert(
      fc.property(
        fc.array(hostileNotes, { minLength: 1, maxLength: 3 }),
        query,
        fc.option(hostileInline, { nil: undefined }),
        fc.integer({ min: 1, max: 20 }),
        (texts, words, within, limit) => {
          const collection = collectionOf(texts);
          const index = searchIndex(collection, blockCutter);
          const hits = index.search(words, { within, limit });
          expect(hits.length).toBeLessThanOrEqual(limit);
          hits.forEach((hit, i) => {
            expect(hit.score).toBeGreaterThanOrEqual(0);
            expect(hit.score).toBeLessThanOrEqual(1);
            if (i > 0) expect(hit.score).toBeLessThanOrEqual(hits[i - 1].score);
            expect(collection.documents).toContain(hit.block.document);
            let end = -1;
            for (const [from, to] of index.ranges(words, hit.block.text)) {
              expect(from).toBeGreaterThan(end);
              expect(to).toBeGreaterThan(from);
              expect(to).toBeLessThanOrEqual(hit.block.text.length);
              end = to;
            }
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
