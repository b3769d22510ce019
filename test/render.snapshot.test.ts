// Every section of the bundled notes rendered without colour at 60, 80 and 120 columns: each talk (with all its
// subsections) and the table of contents. Reviewed by eye; the behaviours themselves are tested in render.test.ts
// and diagram.test.ts.
import { describe, expect, test } from '@jest/globals';
import { renderSections } from '../src/render/terminal/sections.js';
import { createStyle } from '../src/render/style.js';
import { bundledCollection } from './helpers/notes.js';

const collection = bundledCollection();
const tops = collection.sections.filter((s) => s.level === 2);

describe.each([60, 80, 120])('at %i columns', (width) => {
  test.each(tops.map((s) => [`${s.number ?? '-'} ${s.title}`, s] as const))('%s', async (_name, section) => {
    expect(await renderSections([section], collection, { style: createStyle(0), width })).toMatchSnapshot();
  });
});
