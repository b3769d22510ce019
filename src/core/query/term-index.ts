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
  owners(i: number): readonly number[] | undefined;
  /** How many owners each document has, in reading order: which document an owner's number falls in. */
  documents?: readonly number[];
}

/** A document's owners stand at most this many apart in a packed posting (document × SPAN + owner). */
const SPAN = 2 ** 26;

/**
 * The words of documents gathered as each is read (in any order), numbered once their reading order is known: the
 * documents' own lists are dropped as they come, so a folder's words are in memory once, packed.
 */
export class TermMerger {
  private readonly at = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings: number[][] = [];
  private readonly added = new Set<number>();

  /** Whether the words of the document `key` were added. */
  has(key: number): boolean {
    return this.added.has(key);
  }

  /** Adds the words of the document `key` (a number below 2^26, unique to it), once. */
  add(key: number, terms: DocumentTerms): void {
    if (this.added.has(key)) return;
    this.added.add(key);
    for (const [word, owners] of terms) {
      let i = this.at.get(word);
      if (i === undefined) {
        this.at.set(word, (i = this.words.length));
        this.words.push(word);
        this.postings.push([]);
      }
      for (const owner of owners) this.postings[i].push(key * SPAN + owner);
    }
  }

  /** Every word with its owners numbered on from document to document in `order` (each key with its owner count). */
  merged(order: ReadonlyArray<{ key: number; owners: number }>): { words: string[]; owners: Uint32Array[]; documents: number[] } {
    const base: number[] = [];
    let next = 0;
    for (const { key, owners } of order) {
      base[key] = next;
      next += owners;
    }
    // a loop over each word's postings: a mapping callback per posting costs more than the merge itself
    const owners = this.postings.map((packed) => {
      const list = new Uint32Array(packed.length);
      for (let i = 0; i < packed.length; i++) {
        const key = Math.floor(packed[i] / SPAN);
        list[i] = base[key] + (packed[i] - key * SPAN);
      }
      return list.sort();
    });
    return { words: this.words, owners, documents: order.map((document) => document.owners) };
  }
}
