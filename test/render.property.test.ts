// Every renderer, for notes from anywhere, at several widths and colour levels: none throws, and none emits an escape
// sequence or control character that is not kubenotes's own (its SGR colours and OSC 8 links: test/helpers/escapes.ts);
// without colour, none emits an escape at all. JSON parses back; the HTML page has nothing active in it. A failure
// prints its seed: FC_SEED=… FC_PATH=… replays it.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { buildCollection } from '../src/core/notes/collection.js';
import { documentSource } from '../src/core/notes/source.js';
import { sectionCandidates } from '../src/program/completion.js';
import { frontMatterParsers } from '../src/core/markdown/frontmatter-parsers.js';
import { searchIndex } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import type { Collection } from '../src/core/types.js';
import { hitLabel, numberWidthOf, sectionRow } from '../src/render/browse/choices.js';
import { candidateLines } from '../src/program/completion-scripts.js';
import { exportText } from '../src/render/export/text.js';
import { markRanges, renderHits } from '../src/render/reports/hits.js';
import { searchJson } from '../src/render/reports/hits.js';
import { listJson, showJson } from '../src/render/json.js';
import { renderOutline } from '../src/render/reports/outline.js';
import { createStyle } from '../src/render/style.js';
import { renderMarkdown, renderSections } from '../src/render/terminal/sections.js';
import { widthOf } from '../src/render/wrap.js';
import { strayControl, TERMINAL_CONTROL, withoutOwnEscapes } from './helpers/escapes.js';
import { hostileInline, hostileNotes } from './helpers/hostile-markdown.js';

/** The notes as files, named `file-0.md` …, or with the names given (a name may hold escapes too). */
const collectionOf = (texts: string[], names: string[] = []): Collection =>
  buildCollection(
    texts.map((text, i) => ({ file: `${names[i] ?? 'file'}-${i}.md`, bytes: Buffer.from(text.replace(/\u0000/g, '')) })),
    frontMatterParsers,
  );

/** How a terminal may be: colour level 0–3 (0 is piped), a width, hyperlinks or not. */
const terminal = fc.record({
  level: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3),
  width: fc.constantFrom(20, 33, 80, 200),
  hyperlinks: fc.boolean(),
});

/** Output for a terminal: only kubenotes's own escapes, and none at all without colour. */
function expectSafe(output: string, level: number): void {
  expect(strayControl(output)).toBeUndefined();
  if (level === 0) expect(output).not.toMatch(/\u001b/);
}

describe('the terminal renderer', () => {
  test('renderMarkdown of any notes, at any width and colour level', async () => {
    await fc.assert(
      fc.asyncProperty(hostileNotes, terminal, async (text, { level, width, hyperlinks }) => {
        expectSafe(await renderMarkdown(text, { style: createStyle(level), width, hyperlinks }), level);
      }),
      { numRuns: 200 },
    );
  });

  test("renderSections of each section and of all at once, with a search's marks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileNotes, { minLength: 1, maxLength: 2 }),
        terminal,
        hostileInline,
        async (texts, { level, width, hyperlinks }, query) => {
          const collection = collectionOf(texts);
          const style = createStyle(level);
          const index = searchIndex(collection, blockCutter);
          const mark = (text: string): string => markRanges(text, index.ranges(query, text), style.match);
          for (const section of collection.sections.slice(0, 4))
            expectSafe(await renderSections([section], collection, { style, width, hyperlinks, mark }), level);
          expectSafe(await renderSections(collection.sections, collection, { style, width, hyperlinks }), level);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the other views of the notes', () => {
  test('the outline, search hits, browser choices and completion candidates, file names with escapes too', () => {
    fc.assert(
      fc.property(
        fc.array(hostileNotes, { minLength: 1, maxLength: 3 }),
        fc.array(hostileInline),
        terminal,
        hostileInline,
        fc.integer({ min: 1, max: 9 }),
        (texts, names, { level, width }, query, depth) => {
          const collection = collectionOf(texts, names);
          const style = createStyle(level);
          expectSafe(renderOutline(collection, depth, style, 80), level);
          const index = searchIndex(collection, blockCutter);
          const hits = index.search(query, { limit: 10 });
          if (hits.length)
            expectSafe(
              renderHits(hits, { style, ranges: (text) => index.ranges(query, text), files: collection.documents.length > 1, width: 80 }),
              level,
            );
          const labels = { width, style };
          const sectionRows = collection.sections.map((section) =>
            sectionRow({ section, marks: [0] }, section.file, numberWidthOf(collection.sections), labels),
          );
          for (const name of [...sectionRows, ...hits.map((found) => hitLabel(found, labels))]) {
            expectSafe(name, level);
            expect(name).not.toContain('\n');
            expect(widthOf(withoutOwnEscapes(name))).toBeLessThanOrEqual(width);
          }
          for (const line of candidateLines(sectionCandidates(collection)).split('\n').slice(0, -1)) {
            expect(line).not.toMatch(TERMINAL_CONTROL);
            expect(line.split('\t').length).toBeLessThanOrEqual(2); // a value, then at most one description
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test("JSON: parses back to the notes' own values, with no raw control character in the text", () => {
    fc.assert(
      fc.property(fc.array(hostileNotes, { minLength: 1, maxLength: 3 }), hostileInline, (texts, query) => {
        const collection = collectionOf(texts);
        const hits = searchIndex(collection, blockCutter).search(query, { limit: 5 });
        for (const json of [listJson(collection), showJson(collection.sections), searchJson(hits)]) {
          expect(json).not.toMatch(TERMINAL_CONTROL);
          JSON.parse(json);
        }
        expect(JSON.parse(showJson(collection.sections)).map((s: { markdown: string }) => s.markdown)).toEqual(
          collection.sections.map((s) => s.markdown),
        );
      }),
      { numRuns: 200 },
    );
  });

  test('export: md is the notes as their files hold them; txt plain; json parses; the HTML page has nothing active and no control', async () => {
    // what would let a page run code, load something or take input (see test/html-sanitize.test.ts)
    const ACTIVE =
      /<\/?(script|iframe|frame|object|embed|form|input|button|textarea|select|svg|math|base|meta|link)\b|\son\w+\s*=|javascript:|vbscript:|\sstyle\s*=|expression\(/i;
    await fc.assert(
      fc.asyncProperty(fc.array(hostileNotes, { minLength: 1, maxLength: 2 }), fc.constantFrom(20, 80), async (texts, width) => {
        const collection = collectionOf(texts);
        const md = await exportText('md', collection, undefined, { width });
        if (collection.documents.length === 1) expect(md).toBe(documentSource(collection.documents[0]));
        expectSafe(await exportText('txt', collection, undefined, { width }), 0);
        const json = await exportText('json', collection, undefined, { width });
        expect(json).not.toMatch(TERMINAL_CONTROL);
        JSON.parse(json);
        const page = await exportText('html', collection, undefined, { width });
        expect(page).not.toMatch(TERMINAL_CONTROL);
        const notes = page.slice(page.indexOf('<main>'));
        expect(notes).not.toMatch(ACTIVE);
        expect(notes).not.toMatch(/<style/i);
      }),
      // a file titled by a heading that ends in a C1 control, linked from its own title: the link named it raw
      { numRuns: 100, examples: [[['[x](#x)\u0085\n==='], 20]] },
    );
  });
});
