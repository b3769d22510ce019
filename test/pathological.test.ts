// Markdown built to break parsers and renderers — deep nesting, runaway brackets, huge blocks — read and rendered in
// bounded time and stack: every step finishes without throwing (jest's timeout is the bound; no timing is asserted).
import { describe, expect, jest, test } from '@jest/globals';
import { buildCollection } from '../src/core/notes/collection.js';
import { sectionSlices } from '../src/core/markdown/parse.js';
import { resolveQuery } from '../src/core/query/resolve.js';
import { searchIndex } from '../src/core/query/search.js';
import * as blockCutter from '../src/core/markdown/blocks.js';
import type { Collection } from '../src/core/types.js';
import { exportText } from '../src/render/export/text.js';
import { renderOutline } from '../src/render/reports/outline.js';
import { createStyle } from '../src/render/style.js';
import { renderSections } from '../src/render/terminal/sections.js';

jest.setTimeout(180_000); // a bound, not a measure: a shared machine may be slow, a hang is not

const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('\n');

/**
 * Each case follows a title and a section. The deepest nestings and a 10 MB line are in pathological.e2e.test.ts, run
 * by the CLI under a timeout. Blocks of 130,000 lines are more than a spread into one call can take; rendering
 * them is slow enough that they go to the terminal renderer and the search only (where the spreads were).
 */
const CASES: Array<[name: string, markdown: string, views?: 'all' | 'terminal']> = [
  ['5,000 nested quotes on one line', '> '.repeat(5000) + 'deep'],
  ['3,000 nested list markers on one line', '- '.repeat(3000) + 'deep'],
  ['3,000 nested ordered list markers on one line', '1. '.repeat(3000) + 'deep'],
  ['quotes and lists nested in turn, 3,000 deep', lines(3000, (i) => `${'  '.repeat(i)}${i % 2 ? '>' : '-'} level ${i}`)],
  ['20,000 [', '['.repeat(20_000)],
  ['20,000 [ closed', '['.repeat(20_000) + 'x' + '](y)'.repeat(20_000)],
  ['5,000 nested strikethrough', '~~a '.repeat(5000) + 'x' + ' a~~'.repeat(5000)],
  ['5,000 nested links and images', '[![a '.repeat(2500) + 'x' + '](y)](z)'.repeat(2500)],
  ['20,000 nested <div>', '<div>'.repeat(20_000) + 'x' + '</div>'.repeat(20_000)],
  ['10,000 headings', lines(10_000, (i) => `${'#'.repeat((i % 5) + 2)} heading ${i}\n\ntext ${i}`)],
  ['a 200,000-line code block', '```\n' + lines(200_000, (i) => `line ${i}`) + '\n```', 'terminal'],
  ['a 130,000-item list', lines(130_000, (i) => `- item ${i}`), 'terminal'],
  ['a 130,000-row table', '| a | b |\n| --- | --- |\n' + lines(130_000, (i) => `| ${i} | cell |`), 'terminal'],
  ['a 1 MB heading', '### ' + 'word '.repeat(200_000)],
];

describe.each(CASES)('%s', (_name, pathological, views = 'all') => {
  const text = `# Title\n\n## Section\n\ntext\n\n${pathological}\n`;
  let read: Collection | undefined;
  const notes = (): Collection => (read ??= buildCollection([{ file: 'x.md', bytes: Buffer.from(text) }]));

  test('is read: slices make the file, the section is found', () => {
    const collection = notes();
    expect(sectionSlices(collection.documents[0]).join('')).toBe(text);
    expect(resolveQuery(collection, '1')[0].title).toBe('Section');
  });

  test(`is rendered for the terminal, the outline, a search${views === 'all' ? ', HTML and JSON' : ''}`, async () => {
    const collection = notes();
    await renderSections(collection.sections.slice(0, 3), collection, { style: createStyle(1), width: 40 });
    renderOutline(collection, 9, createStyle(1), 80);
    searchIndex(collection, blockCutter).search('item deep line', { limit: 5 });
    if (views === 'all') for (const format of ['html', 'json'] as const) await exportText(format, collection, undefined, { width: 40 });
  });
});
