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
