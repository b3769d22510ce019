// runExport's choices: the format from --format, else the file's extension, else md; escapes kept from a terminal.
import { describe, expect, test } from '@jest/globals';
import { runExport } from '../src/commands/export.js';
import type { CommandContext } from '../src/commands/context.js';
import { formatOfPath } from '../src/render/export/text.js';
import { createStyle } from '../src/render/style.js';
import { collectionOf, fixturePath } from './helpers/notes.js';

const hostile = collectionOf(fixturePath('hostile-escapes.md'));

/** A context whose stdout is or is not a terminal, collecting what is written. */
function contextFor(terminal: boolean): { context: CommandContext; written: string[] } {
  const written: string[] = [];
  const context: CommandContext = {
    notes: async () => hostile,
    allNotes: async () => hostile,
    blockStore: async () => undefined,
    style: createStyle(0),
    terminal,
    pager: false,
    width: 80,
    lineWidth: 80,
    hyperlinks: false,
    env: {},
    write: async (text) => {
      written.push(text);
      return 'printed';
    },
    kept: async (_kind, _key, make) => make(),
  };
  return { context, written };
}

describe('runExport to stdout', () => {
  test('md piped is the source exactly, escape sequences and all; at a terminal they are removed', async () => {
    const piped = contextFor(false);
    await runExport(piped.context, [], {});
    expect(piped.written).toEqual([hostile.documents[0].text]);
    expect(piped.written[0]).toMatch(/\u001b\[/);
    const terminal = contextFor(true);
    await runExport(terminal.context, [], {});
    expect(terminal.written[0]).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(terminal.written[0]).toContain('Red title here');
  });
});

test('the format a file name names, by its extension in any case', () => {
  expect(['a.md', 'a.markdown', 'b.HTML', 'c.htm', 'd.json', 'e.txt', 'f.pdf', 'g', '.md/file'].map(formatOfPath)).toEqual([
    'md',
    'md',
    'html',
    'html',
    'json',
    'txt',
    undefined,
    undefined,
    undefined,
  ]);
});
