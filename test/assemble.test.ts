// Documents parsed one by one put in their reading order (a walk's files in their site's order, whatever their
// number), and their outline numbers run on from file to file.
import { describe, expect, test } from '@jest/globals';
import { assembleCollection, readingOrder } from '../src/core/notes/assemble.js';
import type { NotesDocument } from '../src/core/types.js';

const page = (file: string): NotesDocument => ({ file, title: file, meta: {}, text: '', sections: [], warnings: [] });

describe('reading order', () => {
  test("a folder of more files than a call takes arguments: every file, in its site's order", () => {
    const files = Array.from({ length: 150_000 }, (_, i) => `docs/p${String(149_999 - i).padStart(6, '0')}.md`);
    const ordered = readingOrder([...files.map((file) => ({ document: page(file), walk: 'docs' })), { document: page('alone.md') }]);
    expect(ordered).toHaveLength(150_001);
    expect(ordered[0].file).toBe('docs/p000000.md');
    expect(ordered[149_999].file).toBe('docs/p149999.md');
    expect(ordered[150_000].file).toBe('alone.md');
  });
});

describe('a collection of documents numbered from 1', () => {
  test('each top-level number runs on after the top-level sections of the files before; deeper parts and unnumbered sections stay', () => {
    const numbered = (file: string, numbers: Array<string | null>): NotesDocument => ({
      ...page(file),
      sections: numbers.map((number, i) => ({
        id: `s${i}`,
        number,
        title: `S${i}`,
        level: 2,
        path: [],
        line: i + 1,
        file,
        meta: {},
        markdown: '',
      })),
    });
    const collection = assembleCollection([
      numbered('a.md', ['1', '1.1', '2', null]),
      numbered('b.md', []),
      numbered('c.md', ['1', '1.1', '1.1.1', '2', '2.10', '3']),
      numbered('d.md', ['1.1', '9']),
    ]);
    expect(collection.sections.map((section) => section.number)).toEqual([
      '1',
      '1.1',
      '2',
      null,
      '3',
      '3.1',
      '3.1.1',
      '4',
      '4.10',
      '5',
      '6.1',
      '14',
    ]);
  });
});
