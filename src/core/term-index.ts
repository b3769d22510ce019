// The words of the notes → the owners of blocks that hold them (a file's text before its first section, each numbered
// section), kept per file and merged per collection: what search looks its candidates up in (see owner-texts.ts).
// Free of imports, so that the cache can merge it without loading the search.

/** Each word of a document's owners with the owners (numbered in ownerTexts' order) that hold it. */
export type DocumentTerms = Array<[word: string, owners: number[]]>;

/** The words of a collection's owners, each with the owners that hold it, numbered on from document to document. */
export interface TermIndex {
  /** Every word, once. */
  words: readonly string[];
  /** The owners that hold the word at `words[i]`, ascending. */
  owners(i: number): readonly number[];
}

/** One index of the documents' terms, in order, each with how many owners it has. */
export function mergeTerms(documents: ReadonlyArray<{ terms: DocumentTerms; owners: number }>): { words: string[]; owners: number[][] } {
  const at = new Map<string, number>();
  const words: string[] = [];
  const owners: number[][] = [];
  let base = 0;
  for (const document of documents) {
    for (const [word, local] of document.terms) {
      let i = at.get(word);
      if (i === undefined) {
        at.set(word, (i = words.length));
        words.push(word);
        owners.push([]);
      }
      for (const owner of local) owners[i].push(base + owner);
    }
    base += document.owners;
  }
  return { words, owners };
}

