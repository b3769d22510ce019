// Documents parsed one by one put in their reading order: a walk's files in their site's order, whatever their number.
import { describe, expect, test } from '@jest/globals';
import { readingOrder } from '../src/core/notes/assemble.js';
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
