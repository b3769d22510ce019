// Markdown built to break parsers and renderers — deep nesting, runaway brackets, huge blocks — read and rendered in
// bounded time and stack: every step finishes without throwing (jest's timeout is the bound; no timing is asserted).
import { describe, expect, jest, test } from '@jest/globals';
import { buildCollection } from '../src/core/collection.js';
import { sectionSlices } from '../src/core/parse.js';
import { resolveQuery } from '../src/core/resolve.js';
import { searchIndex } from '../src/core/search.js';
import { exportText } from '../src/render/export.js';
import { renderOutline } from '../src/render/outline.js';
import { createStyle } from '../src/render/style.js';
import { renderSections } from '../src/render/terminal.js';

jest.setTimeout(180_000); // a bound, not a measure: a shared machine may be slow, a hang is not

const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('\n');

/** Each case follows a title and a section; blocks of 130,000 lines are more than a spread into a call can take. */
const CASES: Array<[string, string]> = [
  ['10,000 headings', lines(10_000, (i) => `${'#'.repeat((i % 5) + 2)} heading ${i}\n\ntext ${i}`)],
  ['a 200,000-line code block', '```\n' + lines(200_000, (i) => `line ${i}`) + '\n```'],
  ['a 130,000-item list', lines(130_000, (i) => `- item ${i}`)],
  ['a 130,000-row table', '| a | b |\n| --- | --- |\n' + lines(130_000, (i) => `| ${i} | cell |`)],
  ['a 1 MB heading', '### ' + 'word '.repeat(200_000)],
];

describe.each(CASES)('%s', (_name, pathological) => {
  const text = `# Title\n\n## Section\n\ntext\n\n${pathological}\n`;
  const collection = buildCollection([{ file: 'x.md', bytes: Buffer.from(text) }]);
  const [document] = collection.documents;

  test('is read: slices make the file, the section is found', () => {
    expect(sectionSlices(document).join('')).toBe(text);
    expect(resolveQuery(collection, '1')[0].title).toBe('Section');
  });

  test('is rendered for the terminal, the outline, a search, HTML and JSON', async () => {
    await renderSections(collection.sections.slice(0, 3), collection, { style: createStyle(1), width: 40 });
    renderOutline(collection, 9, createStyle(1));
    searchIndex(collection).search('item deep line', { limit: 5 });
    for (const format of ['html', 'json'] as const) await exportText(format, collection, undefined, { width: 40 });
  });
});
