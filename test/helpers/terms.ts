// The term index of a collection as the cache merges it from its documents' words, for tests of search through it.
import { documentTerms, ownerTexts } from '../../src/core/query/owner-texts.js';
import { TermMerger, type TermIndex } from '../../src/core/query/term-index.js';
import type { Collection } from '../../src/core/types.js';

export function termIndexOf(collection: Collection): TermIndex {
  const merger = new TermMerger();
  const order = collection.documents.map((document, key) => {
    const owners = ownerTexts(document);
    merger.add(key, documentTerms(owners));
    return { key, owners: owners.length };
  });
  const { words, owners } = merger.merged(order);
  return { words, owners: (i) => [...owners[i]] };
}
