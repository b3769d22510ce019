// What search looks a query's words up in, owner by owner: a file's text before its first section and each numbered
// section, lowercased with its path; their words for the term index, and the owners a query may hit.
import type { Lexicon } from './lexicon.js';
import { stemOf, textWords } from './match.js';
import { sectionSlices } from '../markdown/parse.js';
import type { DocumentTerms, TermIndex } from './term-index.js';
import type { NotesDocument, Section } from '../types.js';

/** What search looks for a query's words in: an owner's own text and path (or title and metadata), lowercased. */
export interface OwnerText {
  /** Null for the text of a file before its first section. */
  section: Section | null;
  /** The owner's own Markdown: its blocks are cut from it. */
  source: string;
  lowered: string;
}

/** A document's owners of blocks, in order: its text before the first section, then each numbered section. */
export function ownerTexts(document: NotesDocument): OwnerText[] {
  const [preamble, ...slices] = sectionSlices(document);
  const meta = Object.values(document.meta).flat().join(' ');
  const front: OwnerText = { section: null, source: preamble, lowered: `${preamble}\n${document.title} ${meta}`.toLowerCase() };
  return [
    front,
    ...document.sections.flatMap((section, i) =>
      section.number === null ? [] : [{ section, source: slices[i], lowered: `${slices[i]}\n${section.path.join(' \u0000 ')}`.toLowerCase() }],
    ),
  ];
}

export function documentTerms(owners: ReadonlyArray<Pick<OwnerText, 'lowered'>>): DocumentTerms {
  const terms = new Map<string, number[]>();
  owners.forEach(({ lowered }, owner) => {
    for (const word of new Set(textWords(lowered))) {
      const list = terms.get(word);
      if (list) list.push(owner);
      else terms.set(word, [owner]);
    }
  });
  return [...terms];
}

/**
 * The owners that may hold a hit of every one of `words` (a query's): each letter-and-digit run of each word, its
 * stem, or with typos a word like it, must be part of a word they hold. The same owners as looking for each run in
 * each owner's lowered text: a run of letters and digits found in a text lies within one of its words. Undefined
 * (any owner may hold them) when the words have no such run or the index cannot tell.
 */
export function candidateOwners(index: TermIndex, words: string[], lexicon: Lexicon, typos: boolean): Set<number> | undefined {
  let found: Set<number> | undefined;
  for (const part of words.flatMap(textWords)) {
    const wanted = [part, stemOf(part), ...(typos ? lexicon.similar(part).keys() : [])];
    const holding = new Set<number>();
    for (const [i, word] of index.words.entries()) {
      if (!wanted.some((w) => word.includes(w))) continue;
      const owners = index.owners(i);
      if (!owners) return undefined; // not known: any owner may hold the words, and the matcher tells
      for (const owner of owners) if (!found || found.has(owner)) holding.add(owner);
    }
    found = holding;
    if (found.size === 0) break;
  }
  return found; // no run of letters or digits: any owner may
}
