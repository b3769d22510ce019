// The cache's SHA-256: Node's one-shot hash where it has it, the same digest as a Hash fed the pieces one by one.
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256, sha256Bytes } from '../src/io/sha256.js';

describe('sha256', () => {
  test('of pieces, as bytes or text: the digest of them one after the other, in hex and as bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uint8Array(), fc.string({ unit: 'grapheme' })), { minLength: 1, maxLength: 4 }), (pieces) => {
        const hash = createHash('sha256');
        for (const piece of pieces) hash.update(piece);
        const expected = hash.digest();
        expect(sha256(...pieces)).toBe(expected.toString('hex'));
        const bytes = pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece));
        expect(sha256Bytes(...bytes).equals(expected)).toBe(true);
      }),
    );
  });
});
