// Properties worked out when first read: kept once read, or read once and not kept (a walk through every file's text).
import { describe, expect, test } from '@jest/globals';
import { isPending, readOnce, sharedLazily } from '../src/core/notes/lazy.js';

interface Note {
  text: string;
}

/** A note whose text is worked out when first read, and how many times it was. */
function lazyNote(): { note: Note; reads: () => number } {
  let reads = 0;
  const note = {} as Note;
  Object.defineProperty(
    note,
    'text',
    sharedLazily<Note>('text', () => `text ${++reads}`),
  );
  return { note, reads: () => reads };
}

describe('a shared lazy property', () => {
  test('is worked out when first read, then kept as a plain property', () => {
    const { note, reads } = lazyNote();
    expect(reads()).toBe(0);
    expect(note.text).toBe('text 1');
    expect(note.text).toBe('text 1');
    expect(reads()).toBe(1);
    expect(Object.getOwnPropertyDescriptor(note, 'text')).toMatchObject({ value: 'text 1', writable: true });
  });

  test('read once: worked out and not kept, until read as usual', () => {
    const { note, reads } = lazyNote();
    expect(readOnce(note, 'text')).toBe('text 1');
    expect(readOnce(note, 'text')).toBe('text 2');
    expect(Object.getOwnPropertyDescriptor(note, 'text')).not.toHaveProperty('value');
    expect(note.text).toBe('text 3');
    expect(readOnce(note, 'text')).toBe('text 3');
    expect(reads()).toBe(3);
  });

  test('read once, a plain property is just read', () => {
    expect(readOnce({ text: 'plain' }, 'text')).toBe('plain');
  });

  test('pending until read or set, not after a read once; a plain property never is', () => {
    const { note } = lazyNote();
    expect(isPending(note, 'text')).toBe(true);
    readOnce(note, 'text');
    expect(isPending(note, 'text')).toBe(true);
    expect(note.text).toBe('text 2');
    expect(isPending(note, 'text')).toBe(false);
    const set = lazyNote().note;
    set.text = 'given';
    expect(isPending(set, 'text')).toBe(false);
    expect(isPending({ text: 'plain' }, 'text')).toBe(false);
  });
});
