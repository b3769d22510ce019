// show --raw and Markdown export print the file's text exactly: the mojibake repair is for reading, not for the source.
import { describe, expect, test } from '@jest/globals';
import { buildCollection } from '../src/core/notes/collection.js';
import { documentSource, sectionSource } from '../src/core/notes/source.js';
import { cleanEnv, runCli } from './helpers/cli.js';

const file = '# Notes\r\n\r\n## CafÃ© one\r\n\r\nIt isnâ€™t repaired here.\r\n\r\n## Two\n\nâ€œlastâ€ and no newline';

describe('the source of a repaired file', () => {
  const collection = buildCollection([{ file: 'notes.md', bytes: Buffer.from(file) }]);

  test("the sections are read repaired, and their source is the file's own lines", () => {
    expect(collection.sections.map((s) => s.title)).toEqual(['Café one', 'Two']);
    expect(documentSource(collection.documents[0])).toBe(file);
    expect(collection.sections.map((s) => sectionSource(collection, s))).toEqual([
      '## CafÃ© one\r\n\r\nIt isnâ€™t repaired here.\r\n\r\n',
      '## Two\n\nâ€œlastâ€ and no newline',
    ]);
  });

  test('a file with nothing to repair keeps no second copy', () => {
    expect(buildCollection([{ file: 'x.md', bytes: Buffer.from('# Fine\n') }]).documents[0].source).toBeUndefined();
  });
});

test('show --raw and export print the file exactly, from a fresh parse and from the cache', () => {
  const env = cleanEnv();
  for (let run = 0; run < 2; run++) {
    expect(runCli(['-f', '-', 'show', '--raw', 'two'], { input: file, env }).stdout).toBe('## Two\n\nâ€œlastâ€ and no newline');
    expect(runCli(['export'], { env }).stdout).toBe(runCli(['export'], { env: cleanEnv() }).stdout);
  }
});
