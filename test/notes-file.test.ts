// Reading notes files one by one: a file gone since the folder was walked is a warning, not a failure; the size limit
// is checked before a byte is read, and counts every file and standard input together.
import { describe, expect, test } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { NotesNotFound, NotesTooLarge } from '../src/core/errors.js';
import type { Warning } from '../src/core/types.js';
import { readNotesFile, SizeBudget } from '../src/io/notes-file.js';
import { readSourceFiles, readStream, type ListedFile } from '../src/io/sources.js';
import { scratchFolder } from './helpers/scratch.js';

const folder = scratchFolder('kubenotes-notes-file-');
const file = (name: string, text: string): string => {
  writeFileSync(join(folder, name), text);
  return join(folder, name);
};

const noStdin = (): never => {
  throw new Error('standard input was not named');
};
/** Files as a folder walk lists them. */
const readFound = (found: ListedFile[], warnings: Warning[], budget: SizeBudget) =>
  readSourceFiles(
    found.map((f) => ({ ...f, inFolder: true })),
    noStdin,
    warnings,
    budget,
  );

describe('reading the files a folder walk found', () => {
  test('a file that vanished after the walk found it: skipped with a warning naming it, the rest read', async () => {
    const kept = file('kept.md', '## Kept\n');
    const gone = file('gone.md', '## Gone\n');
    rmSync(gone); // between the walk and the read
    const warnings: Warning[] = [];
    const files = await readFound(
      [
        { file: 'gone.md', path: gone },
        { file: 'kept.md', path: kept },
      ],
      warnings,
      new SizeBudget(),
    );
    expect(files.map((f) => f.file)).toEqual(['kept.md']);
    expect(warnings).toEqual([{ file: 'gone.md', message: 'file skipped: no such file or folder' }]);
  });

  test('a file that became a folder: skipped with a warning', async () => {
    const warnings: Warning[] = [];
    expect(await readFound([{ file: 'x.md', path: folder }], warnings, new SizeBudget())).toEqual([]);
    expect(warnings).toEqual([{ file: 'x.md', message: 'file skipped: is a folder' }]);
  });

  test('over the size limit is not a warning: it stops the reading', async () => {
    const big = file('big.md', '0123456789');
    await expect(readFound([{ file: 'big.md', path: big }], [], new SizeBudget(9))).rejects.toThrow(NotesTooLarge);
  });
});

describe('the size limit', () => {
  test('a file of exactly what is left is read; one byte more is refused; files count together', () => {
    const ten = file('ten.md', '0123456789');
    const budget = new SizeBudget(15);
    expect(readNotesFile(ten, budget)).toHaveLength(10);
    expect(() => readNotesFile(ten, budget)).toThrow(new NotesTooLarge(ten, 15));
    expect(readNotesFile(file('five.md', '01234'), budget)).toHaveLength(5);
  });

  test('standard input is counted as it comes and stops at the limit', async () => {
    await expect(readStream(Readable.from([Buffer.from('01234'), Buffer.from('56789')]), new SizeBudget(10))).resolves.toHaveLength(10);
    await expect(readStream(Readable.from([Buffer.from('01234'), Buffer.from('567890')]), new SizeBudget(10))).rejects.toThrow(
      NotesTooLarge,
    );
  });

  test('a missing file is NotesNotFound, with its reason', () => {
    expect(() => readNotesFile(join(folder, 'missing.md'), new SizeBudget())).toThrow(
      new NotesNotFound(join(folder, 'missing.md'), 'no such file or folder'),
    );
  });
});
