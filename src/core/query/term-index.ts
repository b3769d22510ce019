// The words of the notes → the owners of blocks that hold them (a file's text before its first section, each numbered
// section), kept per file and merged per collection: what search looks its candidates up in (see owner-texts.ts).
// Free of imports, so that the cache can merge it without loading the search.

/** How many owners of blocks a document has (see ownerTexts): its text before its first section, each numbered section. */
export const ownerCount = (numbers: ReadonlyArray<string | null>): number => 1 + numbers.filter((number) => number !== null).length;

/** Each word of a document's owners with the owners (numbered in ownerTexts' order) that hold it. */
export type DocumentTerms = Array<[word: string, owners: number[]]>;

/** The words of a collection's owners, each with the owners that hold it, numbered on from document to document. */
export interface TermIndex {
  /** Every word, once. */
  words: readonly string[];
  /** The owners that hold the word at `words[i]`, ascending; undefined when they cannot be told (a damaged store). */
  owners(i: number): ArrayLike<number> | undefined;
  /** How many owners each document has, in reading order: which document an owner's number falls in. */
  documents?: readonly number[];
}

/** How many numbers a chunk of a NumberPool holds, as a power of two. */
const CHUNK_BITS = 16;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

/** 32-bit numbers appended in chunks: millions of them, four bytes each, never copied as they grow. */
class NumberPool {
  private readonly chunks: Uint32Array[] = [];
  length = 0;

  push(value: number): void {
    const chunk = this.length >>> CHUNK_BITS;
    if (chunk === this.chunks.length) this.chunks.push(new Uint32Array(1 << CHUNK_BITS));
    this.chunks[chunk][this.length & CHUNK_MASK] = value;
    this.length++;
  }

  at(index: number): number {
    return this.chunks[index >>> CHUNK_BITS][index & CHUNK_MASK];
  }
}

/**
 * The words of documents gathered as each is read (in any order), numbered once their reading order is known: the
 * documents' own lists are dropped as they come, so a folder's words are in memory once, packed.
 */
export class TermMerger {
  private readonly at = new Map<string, number>();
  private readonly words: string[] = [];
  /** How many owners hold each word, over the documents added. */
  private readonly counts: number[] = [];
  /** Each document added: its key, how many words it has, then each word's index, how many owners hold it, and those owners. */
  private readonly added = new NumberPool();
  private readonly keys = new Set<number>();

  /** Whether the words of the document `key` were added. */
  has(key: number): boolean {
    return this.keys.has(key);
  }

  /** Adds the words of the document `key` (a number unique to it), once. */
  add(key: number, terms: DocumentTerms): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.added.push(key);
    this.added.push(terms.length);
    for (const [word, owners] of terms) {
      let i = this.at.get(word);
      if (i === undefined) {
        this.at.set(word, (i = this.words.length));
        this.words.push(word);
        this.counts.push(0);
      }
      this.added.push(i);
      this.added.push(owners.length);
      for (const owner of owners) this.added.push(owner);
      this.counts[i] += owners.length;
    }
  }

  /**
   * Every word with its owners numbered on from document to document in `order` (each key with its owner count); the
   * owners of documents added but not in `order` are left out.
   */
  merged(order: ReadonlyArray<{ key: number; owners: number }>): { words: string[]; owners: Uint32Array[]; documents: number[] } {
    const base = new Map<number, number>();
    let next = 0;
    for (const { key, owners } of order) {
      base.set(key, next);
      next += owners;
    }
    // every word's owners in one array, each word's run where the counts place it, filled document by document
    const starts = new Uint32Array(this.words.length + 1);
    for (let w = 0; w < this.counts.length; w++) starts[w + 1] = starts[w] + this.counts[w];
    const all = new Uint32Array(starts[this.words.length]);
    const filled = starts.slice(0, -1);
    const added = this.added;
    for (let at = 0; at < added.length;) {
      const first = base.get(added.at(at++));
      const words = added.at(at++);
      for (let n = 0; n < words; n++) {
        const w = added.at(at++);
        const count = added.at(at++);
        if (first === undefined) at += count;
        else for (let o = 0; o < count; o++) all[filled[w]++] = first + added.at(at++);
      }
    }
    const owners = this.words.map((_, w) => all.subarray(starts[w], filled[w]).sort());
    return { words: this.words, owners, documents: order.map((document) => document.owners) };
  }
}

/** A document of an earlier collection that is not in this one (see movedTerms). */
export const NOT_HERE = -1;

/**
 * The words of a collection from those of an earlier one: the owners of each of its documents still here (`moved`:
 * each document's place now, or NOT_HERE) renumbered, the others' left out, and the words of the documents new here
 * (`added`, by place) put in. `documents` is how many owners each document here has. Undefined when the earlier
 * words' owners cannot be told (a damaged store) or a document moved has another number of owners.
 */
export function movedTerms(
  before: Required<TermIndex>,
  moved: ArrayLike<number>,
  documents: readonly number[],
  added: ReadonlyArray<{ place: number; terms: DocumentTerms }>,
): { words: string[]; owners: Uint32Array[]; documents: number[] } | undefined {
  const firsts: number[] = [];
  let total = 0;
  for (const count of documents) {
    firsts.push(total);
    total += count;
  }
  // each earlier owner's number here, or NOT_HERE
  const renumbered = new Int32Array(before.documents.reduce((sum, count) => sum + count, 0));
  let owner = 0;
  for (const [place, count] of before.documents.entries()) {
    const d = moved[place];
    if (d !== NOT_HERE && documents[d] !== count) return undefined;
    for (let k = 0; k < count; k++) renumbered[owner++] = d === NOT_HERE ? NOT_HERE : firsts[d] + k;
  }
  const words: string[] = [];
  const owners: Uint32Array[] = [];
  const at = new Map<string, number>();
  for (let i = 0; i < before.words.length; i++) {
    const list = before.owners(i);
    if (!list) return undefined;
    const kept = new Uint32Array(list.length);
    let count = 0;
    let ascending = true;
    for (let k = 0; k < list.length; k++) {
      const now = list[k] < renumbered.length ? renumbered[list[k]] : NOT_HERE;
      if (now === NOT_HERE) continue;
      if (count > 0 && now < kept[count - 1]) ascending = false;
      kept[count++] = now;
    }
    // a word of the documents gone alone is not a word of these notes (a typo's look-alikes come from the words)
    if (count === 0) continue;
    at.set(before.words[i], words.length);
    words.push(before.words[i]);
    owners.push(ascending ? kept.subarray(0, count) : kept.subarray(0, count).sort());
  }
  const more = new Map<number, number[]>();
  for (const { place, terms } of added) {
    for (const [word, local] of terms) {
      let i = at.get(word);
      if (i === undefined) {
        at.set(word, (i = words.length));
        words.push(word);
        owners.push(new Uint32Array(0));
      }
      let list = more.get(i);
      if (!list) more.set(i, (list = []));
      for (const k of local) list.push(firsts[place] + k);
    }
  }
  for (const [i, list] of more) {
    const all = new Uint32Array(owners[i].length + list.length);
    all.set(owners[i]);
    all.set(list, owners[i].length);
    owners[i] = all.sort();
  }
  return { words, owners, documents: [...documents] };
}
