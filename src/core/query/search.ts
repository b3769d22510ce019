// Blocks → ranked hits: the search index of a collection, on the one matcher (and its fuse.js lexicon) that show uses.
import { collapseCopies } from './hit-copies.js';
import { placeOf, type Hit, type SearchBlock } from './hit.js';
import { fileBlocks, sectionBlocks, type Block } from '../markdown/blocks.js';
import { createLexicon, type Lexicon } from './lexicon.js';
import { matchRanges, type Range } from './match-ranges.js';
import { createMatcher, queryWords, stemOf, textWords, Tier, type Ranked } from './match.js';
import { titleMatcher } from './resolve.js';
import { ownerTexts, type OwnerText } from './owner-texts.js';
import { ownerCount, type TermIndex } from './term-index.js';
import type { Collection, NotesDocument, Section } from '../types.js';

export interface SearchOptions {
  /** Only blocks whose section path or label matches these words. */
  within?: string;
  /** At most this many hits. */
  limit: number;
}

export interface SearchIndex {
  /** The best hits for a query, best first; ties in document order. */
  search(query: string, options: SearchOptions): Hit[];
  /** Where a query matches a hit's text, for highlighting. */
  ranges(query: string, text: string): Range[];
  /** The blocks of every section (and file preamble) searches of this index went through: given, or cut. */
  blocks(): Map<BlockOwner, Block[]>;
  /** How many sections (and preambles) this index cut itself, not known before: the blocks worth keeping anew. */
  newlyCut(): number;
}

/** Blocks cut before (kept with the notes), looked up an owner at a time: a search reads only its candidates'. */
export type KnownBlocks = Pick<ReadonlyMap<BlockOwner, Block[]>, 'get' | 'size'>;

/** What blocks belong to: a section, or for the text before its first section, a file. */
export type BlockOwner = Section | NotesDocument;

/** An owner of blocks as search goes through them: its texts (see OwnerText) read only when needed. */
interface Entry {
  section: Section | null;
  document: NotesDocument;
  /** Its number in the collection's owners, as a TermIndex numbers them. */
  ordinal: number;
  texts(): OwnerText;
}

/** Within a tier: how well the words matched, and a little how much of the block they are (a short line over a long paragraph). */
const MATCH_WEIGHT = 0.9;
/** The best tier: a hit scores (tier - 1 + within) / TIERS, so the score orders hits as the ranking does. */
const TIERS = Tier.Exact;

const indexes = new WeakMap<Collection, SearchIndex>();

/**
 * The search index of a collection, made once; blocks are cut from a section only when a query may hit it, unless
 * `known` has them already (blocks a search cut before, kept with the notes). With `terms` (the collection's words,
 * kept with the notes), the sections a query may hit are looked up, not read.
 */
export function searchIndex(collection: Collection, known?: KnownBlocks, terms?: TermIndex): SearchIndex {
  let index = indexes.get(collection);
  if (!index) indexes.set(collection, (index = createSearchIndex(collection, known, terms)));
  return index;
}

function createSearchIndex(collection: Collection, known?: KnownBlocks, terms?: TermIndex): SearchIndex {
  const { documents } = collection;
  // where each document's owners start: from the term index's counts, so that a search whose candidates are in a few
  // files restores those files' sections alone; else counted from every document's sections
  const counts =
    terms?.documents?.length === documents.length
      ? terms.documents
      : documents.map((document) => ownerCount(document.sections.map((section) => section.number)));
  const starts: number[] = [];
  let before = 0;
  for (const count of counts) {
    starts.push(before);
    before += count;
  }
  const made = new Map<number, Entry[]>();
  /** The owners of the document at `d`, made when first gone through. */
  const entriesOf = (d: number): Entry[] => {
    let entries = made.get(d);
    if (!entries) {
      const document = documents[d];
      let texts: OwnerText[] | undefined;
      const owners = [null, ...document.sections.filter((section) => section.number !== null)];
      entries = owners.map((section, i) => ({
        section,
        document,
        ordinal: starts[d] + i,
        texts: () => (texts ??= ownerTexts(document))[i],
      }));
      made.set(d, entries);
    }
    return entries;
  };
  const allEntries = (): Entry[] => documents.flatMap((_, d) => entriesOf(d));
  /** The owner numbered `ordinal`: the document it falls in is found by halving. */
  const entryAt = (ordinal: number): Entry | undefined => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= ordinal) low = middle;
      else high = middle - 1;
    }
    return entriesOf(low)[ordinal - starts[low]];
  };
  const lexicon = createLexicon(
    terms
      ? () => terms.words
      : function* () {
          for (const entry of allEntries()) yield* textWords(entry.texts().lowered);
        },
  );
  /** The entries that may hold a hit of every one of the words (in reading order, made when asked for), and a test of one. */
  const mayHold = (words: string[], typos: boolean): { entries: () => Entry[]; holds: (entry: Entry) => boolean } => {
    if (!terms) return { entries: allEntries, holds: (entry) => mayContain(entry.texts().lowered, words, lexicon, typos) };
    const owners = candidateOwners(terms, words, lexicon, typos);
    if (!owners) return { entries: allEntries, holds: () => true };
    const entries = () => [...owners].sort((a, b) => a - b).flatMap((ordinal) => entryAt(ordinal) ?? []);
    return { entries, holds: (entry) => owners.has(entry.ordinal) };
  };
  const cut = new Map<BlockOwner, Block[]>();
  let newlyCut = 0;
  const blocksOf = (owner: BlockOwner): Block[] | undefined => cut.get(owner) ?? known?.get(owner);
  const searchBlocks = new Map<Entry, SearchBlock[]>();
  const searchBlocksOf = (entry: Entry): SearchBlock[] => {
    let held = searchBlocks.get(entry);
    if (!held) {
      const { section, document } = entry;
      const owner = section ?? document;
      let found = blocksOf(owner);
      if (!found) {
        const { source } = entry.texts();
        found = section ? sectionBlocks(section, source) : fileBlocks(document, source);
        newlyCut++;
      }
      cut.set(owner, found);
      // a literal of known fields: a spread of each of thousands of blocks costs more than ranking them
      const withPlace = ({ kind, line, text, label, parents }: Block): SearchBlock => ({
        kind,
        line,
        text,
        label,
        parents,
        section,
        document,
      });
      searchBlocks.set(entry, (held = found.map(withPlace)));
    }
    return held;
  };

  const search = (query: string, { within, limit }: SearchOptions): Hit[] => {
    // literal matches always rank above typos: look for typos only when too few literal hits fill the limit
    const literal = collapseCopies(rank(query, within, false));
    const hits = literal.length >= limit ? literal : collapseCopies(rank(query, within, true));
    return hits.slice(0, limit);
  };

  const rank = (query: string, within: string | undefined, typos: boolean): Hit[] => {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const scope =
      within === undefined
        ? undefined
        : new Set(
            titleMatcher(collection)
              .match(within)
              .map((r) => r.item),
          );
    const { entries, holds } = mayHold(words, typos);
    const inWithin = within === undefined ? undefined : mayHold(queryWords(within), true).holds;
    const candidates = entries().filter(
      (entry) => holds(entry) && (!scope || (entry.section && scope.has(entry.section)) || inWithin!(entry)),
    );
    let blocks = candidates.flatMap(searchBlocksOf);
    if (within !== undefined) blocks = blocks.filter(inScope(scope!, blocks, within));
    const matcher = createMatcher(blocks, targetOf, { lexicon });
    return matcher
      .match(query, { typos })
      .map((ranked) => ({ ranked, within: withinTier(ranked) }))
      .sort((a, b) => b.ranked.tier - a.ranked.tier || b.within - a.within || a.ranked.index - b.ranked.index)
      .map(({ ranked, within }) => ({ block: ranked.item, score: Math.round(((ranked.tier - 1 + within) / TIERS) * 1000) / 1000 }));
  };

  return { search, ranges: (query, text) => matchRanges(query, text, lexicon), blocks: () => new Map(cut), newlyCut: () => newlyCut };
}

/** What a block is matched on: its text; around it its label, its section's path and the items it is nested in. */
function targetOf(block: SearchBlock) {
  const { title, path } = placeOf(block);
  const label = block.label !== title && block.label !== block.text ? [block.label] : [];
  return { primary: block.text, context: [...label, ...path, ...block.parents] };
}

/** 0–1 within a tier: the matcher's word score, then how much of the block's own text the words are. */
const withinTier = (ranked: Ranked<SearchBlock>): number => MATCH_WEIGHT * ranked.score + (1 - MATCH_WEIGHT) * Math.sqrt(ranked.coverage);

/**
 * Can a section hold a hit? Every letter-and-digit run of every word (or, with typos, a word like it) must be in its
 * source or path. Cheap on the lowercased source, it spares lexing the sections a query cannot hit.
 */
function mayContain(lowered: string, words: string[], lexicon: Lexicon, typos: boolean): boolean {
  return words.every((word) =>
    textWords(word).every(
      (part) =>
        lowered.includes(part) ||
        lowered.includes(stemOf(part)) ||
        (typos && [...lexicon.similar(part).keys()].some((similar) => lowered.includes(similar))),
    ),
  );
}

/** Blocks of a section the scope names, or whose label matches it (the Salesforce talk's "Takeaways" line). */
function inScope(sections: Set<Section>, blocks: SearchBlock[], within: string): (block: SearchBlock) => boolean {
  const labels = [...new Set(blocks.map((b) => b.label))];
  const matching = new Set(
    createMatcher(labels, (label) => ({ primary: label }))
      .match(within)
      .map((r) => r.item),
  );
  return (block) => (block.section !== null && sections.has(block.section)) || matching.has(block.label);
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
