// Width: no rendered line is wider than the width asked for, except one that holds a single unbreakable token.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { renderSections } from '../src/render/terminal/sections.js';
import { createStyle } from '../src/render/style.js';
import { widthOf } from '../src/render/wrap.js';
import { render } from './helpers/render.js';
import { bundledCollection } from './helpers/notes.js';

/** Lines over the width that are more than an indent, a marker and one word. */
function tooWide(text: string, width: number): string[] {
  return text.split('\n').filter((line) => widthOf(line) > width && /\s/.test(line.replace(/^\s*(?:[•◦▪│]|\d+\.)?\s*(?:[☑☐]\s)?/, '')));
}

describe('wrapping to the width', () => {
  const collection = bundledCollection();
  const talks = collection.sections.filter((s) => s.level === 2);

  test.each([20, 33, 47, 60, 80, 101, 120])('every section of the bundled notes at %i columns', async (width) => {
    for (const section of talks) {
      const text = await renderSections([section], collection, { style: createStyle(0), width });
      expect(tooWide(text, width)).toEqual([]);
    }
    const agendas = collection.sections.filter((s) => s.title === 'Agenda'); // several sections, each under a header
    expect(tooWide(await renderSections(agendas, collection, { style: createStyle(0), width }), width)).toEqual([]);
  });

  const word = fc.oneof(
    { weight: 8, arbitrary: fc.stringMatching(/^[a-z]{1,10}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^https:\/\/[a-z]{20,50}$/) },
  );
  const words = fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));
  const item = (depth: number) => words.map((w) => `${'  '.repeat(depth)}- ${w}`);
  const block = fc.oneof(
    words,
    words.map((w) => `## ${w}`),
    words.map((w) => `> ${w}`),
    fc.array(fc.oneof(item(0), item(1), item(2)), { minLength: 1, maxLength: 6 }).map((items) => `- first\n${items.join('\n')}`),
    fc
      .array(words, { minLength: 1, maxLength: 3 })
      .map((cells) => `| ${cells.map((_, i) => `h${i}`).join(' | ')} |\n|${cells.map(() => ' --- |').join('')}\n| ${cells.join(' | ')} |`),
    words.map((w) => `1. ${w}\n2. **${w}**`),
  );

  test('property: any mix of paragraphs, headings, quotes, nested lists and tables fits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 6 }), fc.integer({ min: 20, max: 120 }), async (blocks, width) => {
        expect(tooWide(await render(blocks.join('\n\n'), width), width)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
