// A pack of entries (src/io/entry-pack.ts): each entry read back as it was added, before and after the pack is put in
// place; a name not added, or a pack damaged anywhere, reads as no entry, never as other bytes nor a crash.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CacheStore, type ReadAt } from '../src/io/cache-store.js';
import { openPack, packWriter, type EntryPack } from '../src/io/entry-pack.js';
import { scratchFolder } from './helpers/scratch.js';

const whole = (readAt: ReadAt, size: number) => readAt(0, size);
const newStore = () => new CacheStore(join(scratchFolder('kubenotes-pack-'), 'kubenotes'), () => {});
const hexName = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => Buffer.from(bytes).toString('hex'));
const entries = fc.uniqueArray(fc.tuple(hexName, fc.uint8Array({ maxLength: 300 })), { selector: ([name]) => name, maxLength: 40 });

/** What each name reads as: its bytes, or undefined. */
const readAll = (pack: EntryPack | undefined, names: string[]) => names.map((name) => pack?.readWith(name, whole));

describe('a pack of entries', () => {
  test('reads each entry back as added, from the writer and from the pack put in place; names not added read as none', () => {
    fc.assert(
      fc.property(entries, fc.array(hexName, { maxLength: 5 }), (added, others) => {
        const store = newStore();
        const writer = packWriter(store, 'x.files')!;
        for (const [name, bytes] of added) {
          // in two pieces: an entry is made of its pieces in order
          const cut = bytes.length >> 1;
          expect(writer.add(name, [bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(true);
        }
        const names = [...added.map(([name]) => name), ...others.filter((name) => !added.some(([n]) => n === name))];
        const expected = [...added.map(([, bytes]) => Buffer.from(bytes)), ...names.slice(added.length).map(() => undefined)];
        expect(readAll(writer, names)).toEqual(expected);
        writer.finish();
        expect(readAll(writer, names)).toEqual(expected);
        // no entry added: no pack
        expect(readAll(openPack(store, 'x.files'), names)).toEqual(added.length ? expected : names.map(() => undefined));
      }),
      { numRuns: 60 },
    );
  });

  test('an entry is read only within its own bytes, as an entry alone is', () => {
    const store = newStore();
    const writer = packWriter(store, 'x.files')!;
    writer.add('a'.repeat(32), [Buffer.from('first')]);
    writer.add('b'.repeat(32), [Buffer.from('second')]);
    writer.finish();
    const pack = openPack(store, 'x.files')!;
    expect(pack.readWith('b'.repeat(32), (readAt, size) => [size, readAt(0, size)?.toString(), readAt(1, size)])).toEqual([
      6,
      'second',
      undefined,
    ]);
    expect(pack.readWith('a'.repeat(32), (readAt) => readAt(-1, 2))).toBeUndefined();
    // a name that is not 32 hex digits is not added nor found
    expect(writer.add('not a name', [Buffer.from('x')])).toBe(false);
    expect(pack.readWith('A'.repeat(32), whole)).toBeUndefined();
  });

  test('dropped, it is not put in place and leaves nothing behind', () => {
    const store = newStore();
    const writer = packWriter(store, 'x.files')!;
    writer.add('a'.repeat(32), [Buffer.from('first')]);
    writer.drop();
    expect(readdirSync(store.folder)).toEqual([]);
    expect(openPack(store, 'x.files')).toBeUndefined();
  });

  test('damaged anywhere (bits flipped, cut short): never a crash, nor a read past the pack', () => {
    const store = newStore();
    const writer = packWriter(store, 'x.files')!;
    const added = Array.from(
      { length: 12 },
      (_, i) => [i.toString(16).padStart(32, '0'), Buffer.from(`entry ${i} `.repeat(i + 1))] as const,
    );
    for (const [name, bytes] of added) writer.add(name, [bytes]);
    writer.finish();
    const path = join(store.folder, 'x.files');
    const intact = readFileSync(path);
    fc.assert(
      fc.property(fc.oneof(fc.record({ flip: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), fc.record({ cut: fc.nat() })), (damage) => {
        let bytes = Buffer.from(intact);
        if ('flip' in damage) bytes[damage.flip % bytes.length] ^= 1 << damage.bit;
        else bytes = bytes.subarray(0, damage.cut % bytes.length);
        writeFileSync(path, bytes);
        const pack = openPack(store, 'x.files');
        // what a damaged pack points at are other bytes of it: an entry's own checks tell, as for an entry alone
        for (const [name] of added) {
          const read = pack?.readWith(name, whole);
          if (read !== undefined) expect(bytes.includes(read)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
