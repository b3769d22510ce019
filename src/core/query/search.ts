// Blocks → ranked hits: the search index of a collection, on the one matcher (and its fuse.js lexicon) that show uses.
import { collapseCopies } from './hit-copies.js';
import { placeOf, type Hit, type SearchBlock } from './hit.js';
import { fileBlocks, sectionBlocks, type Block } from '../markdown/blocks.js';
import { createLexicon, type Lexicon } from './lexicon.js';
import { matchRanges, type Range } from './match-ranges.js';
import { createMatcher, queryWords, stemOf, textWords, Tier, type Ranked } from './match.js';
import { sectionSlices } from '../markdown/parse.js';
import { titleMatcher } from './resolve.js';
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
  /** Every section's (and file preamble's) blocks known so far: given, or cut by a search. */
  blocks(): Map<BlockOwner, Block[]>;
  /** How many sections (and preambles) this index cut itself, not known before: the blocks worth keeping anew. */
  newlyCut(): number;
}

/** Blocks cut before (kept with the notes), looked up an owner at a time: a search reads only its candidates'. */
export type KnownBlocks = Pick<ReadonlyMap<BlockOwner, Block[]>, 'get' | 'size'>;

/** What blocks belong to: a section, or for the text before its first section, a file. */
export type BlockOwner = Section | NotesDocument;

/**
 * A section's own text (heading to next heading), or a file's text before it, with its path, lowercased (all that
 * the words of a query are looked for in) and read before any block is made.
 */
interface Entry {
  section: Section | null;
  document: NotesDocument;
  source: string;
  lowered: string;
}

/** Within a tier: how well the words matched, and a little how much of the block they are (a short line over a long paragraph). */
const MATCH_WEIGHT = 0.9;
/** The best tier: a hit scores (tier - 1 + within) / TIERS, so the score orders hits as the ranking does. */
const TIERS = Tier.Exact;

const indexes = new WeakMap<Collection, SearchIndex>();

/**
 * The search index of a collection, made once; blocks are cut from a section only when a query may hit it, unless
 * `known` has them already (blocks a search cut before, kept with the notes).
 */
export function searchIndex(collection: Collection, known?: KnownBlocks): SearchIndex {
  let index = indexes.get(collection);
  if (!index) indexes.set(collection, (index = createSearchIndex(collection, known)));
  return index;
}

function createSearchIndex(collection: Collection, known?: KnownBlocks): SearchIndex {
  const entries: Entry[] = collection.documents.flatMap((document) => {
    const [preamble, ...slices] = sectionSlices(document);
    const meta = Object.values(document.meta).flat().join(' ');
    const front: Entry = { section: null, document, source: preamble, lowered: `${preamble}\n${document.title} ${meta}`.toLowerCase() };
    return [
      front,
      ...document.sections.flatMap((section, i) =>
        section.number === null ? [] : [{ section, document, source: slices[i], lowered: `${slices[i]}\n${section.path.join(' \u0000 ')}`.toLowerCase() }],
      ),
    ];
  });
  const lexicon = createLexicon(function* () {
    for (const entry of entries) yield* textWords(entry.lowered);
  });
  const cut = new Map<BlockOwner, Block[]>();
  let newlyCut = 0;
  const blocksOf = (owner: BlockOwner): Block[] | undefined => cut.get(owner) ?? known?.get(owner);
  const searchBlocks = new Map<Entry, SearchBlock[]>();
  const searchBlocksOf = (entry: Entry): SearchBlock[] => {
    let held = searchBlocks.get(entry);
    if (!held) {
      const { section, document, source } = entry;
      const owner = section ?? document;
      let found = blocksOf(owner);
      if (!found) {
        found = section ? sectionBlocks(section, source) : fileBlocks(document, source);
        newlyCut++;
      }
      cut.set(owner, found);
      searchBlocks.set(entry, (held = found.map((block) => ({ ...block, section, document }))));
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
    const scope = within === undefined ? undefined : new Set(titleMatcher(collection).match(within).map((r) => r.item));
    const candidates = entries.filter(
      (entry) => mayContain(entry, words, lexicon, typos) && (!scope || (entry.section && scope.has(entry.section)) || mayContain(entry, queryWords(within!), lexicon, true)),
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

  const everyKnown = (): Map<BlockOwner, Block[]> =>
    new Map(entries.flatMap((entry) => {
      const owner = entry.section ?? entry.document;
      const found = blocksOf(owner);
      return found ? [[owner, found] as const] : [];
    }));
  return { search, ranges: (query, text) => matchRanges(query, text, lexicon), blocks: everyKnown, newlyCut: () => newlyCut };
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
function mayContain(entry: Entry, words: string[], lexicon: Lexicon, typos: boolean): boolean {
  return words.every((word) =>
    textWords(word).every((part) => entry.lowered.includes(part) || entry.lowered.includes(stemOf(part)) || (typos && [...lexicon.similar(part).keys()].some((similar) => entry.lowered.includes(similar)))),
  );
}

/** Blocks of a section the scope names, or whose label matches it (the Salesforce talk's "Takeaways" line). */
function inScope(sections: Set<Section>, blocks: SearchBlock[], within: string): (block: SearchBlock) => boolean {
  const labels = [...new Set(blocks.map((b) => b.label))];
  const matching = new Set(createMatcher(labels, (label) => ({ primary: label })).match(within).map((r) => r.item));
  return (block) => (block.section !== null && sections.has(block.section)) || matching.has(block.label);
}
