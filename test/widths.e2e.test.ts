// The build measures text one column a character wide without string-width (src/render/string-width-lazy.cts):
// what it prints must be what the renderer prints with string-width measuring everything.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildCollection } from '../src/core/notes/collection.js';
import { renderSections } from '../src/render/terminal/sections.js';
import { createStyle } from '../src/render/style.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { fixturePath } from './helpers/notes.js';

const fixture = fixturePath('widths.md');
const collection = buildCollection([{ file: 'widths.md', bytes: readFileSync(fixture) }]);

describe('widths in the build are string-width’s', () => {
  test.each([
    ['narrow text, no colour', '1', 0, 40],
    ['narrow text, in colour', '1', 1, 40],
    ['wide text, emoji and a table, no colour', '2', 0, 40],
    ['wide text, emoji and a table, in colour', '2', 1, 36],
    ['everything at 60 columns, in colour', '1', 1, 60],
  ])('%s', async (_name, number, level, width) => {
    const env = cleanEnv(level ? { FORCE_COLOR: String(level) } : {});
    const { stdout, status } = runCli(['-f', fixture, '--width', String(width), 'show', number], { env });
    expect(status).toBe(0);
    const section = collection.sections.filter((s) => s.number === number);
    expect(stdout).toBe(await renderSections(section, collection, { style: createStyle(level as 0 | 1), width }));
  });
});
