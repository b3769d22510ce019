// A file's entry's texts (src/io/cache-entry.ts): read back as stored, checked against their hash and nothing else,
// through one buffer that is not handed out.
import { describe, expect, test } from '@jest/globals';
import type { ReadAt } from '../src/io/cache-store.js';
import { documentBody, readTexts, sealHeaded } from '../src/io/cache-entry.js';

/** A headed entry of these texts (a large header, as a file's words make one), and what readTexts is told of them. */
function entryOf(texts: { text: string; source?: string }) {
  const { pieces, hash } = documentBody(texts);
  const bytes = Buffer.concat([...sealHeaded({ words: Array.from({ length: 500 }, (_, i) => `word${i}`) }, pieces)]);
  return { bytes, stored: { hash, bytes: pieces[0].length, sourceBytes: pieces[1]?.length } };
}

const readerOf =
  (bytes: Buffer, intos: Array<Buffer | undefined>): ReadAt =>
  (offset, length, into) => {
    intos.push(into);
    if (offset < 0 || offset + length > bytes.length) return undefined;
    const view = bytes.subarray(offset, offset + length);
    if (!into || into.length < length) return Buffer.from(view);
    view.copy(into);
    return into.subarray(0, length);
  };

describe("a file's entry's texts", () => {
  test('are read back as stored, a source beside its text too, each read into the same buffer', () => {
    const plain = entryOf({ text: '# Title\n\nText é\n' });
    const repaired = entryOf({ text: '# Title\n\nrepaired\n', source: '# Title\n\nrepaïred\n' });
    const intos: Array<Buffer | undefined> = [];
    expect(readTexts(readerOf(plain.bytes, intos), plain.stored)).toEqual({ text: '# Title\n\nText é\n' });
    expect(readTexts(readerOf(repaired.bytes, intos), repaired.stored)).toEqual({
      text: '# Title\n\nrepaired\n',
      source: '# Title\n\nrepaïred\n',
    });
    const buffers = intos.filter((into) => into !== undefined);
    expect(buffers).toHaveLength(2);
    expect(buffers[0]).toBe(buffers[1]);
  });

  test('are checked against their hash alone: a damaged header does not matter, damaged texts are none', () => {
    const { bytes, stored } = entryOf({ text: 'some text\n' });
    const header = Buffer.from(bytes);
    header[20] ^= 1; // inside the header's JSON
    expect(readTexts(readerOf(header, []), stored)).toEqual({ text: 'some text\n' });
    const text = Buffer.from(bytes);
    text[text.length - 3] ^= 1;
    expect(readTexts(readerOf(text, []), stored)).toBeUndefined();
    const length = Buffer.from(bytes);
    length[4] ^= 1; // the header's length: the texts looked for elsewhere
    expect(readTexts(readerOf(length, []), stored)).toBeUndefined();
  });
});
