// Blocks → ranked hits: the search index of a collection, on the one matcher (and its fuse.js lexicon) that show uses.
import { collapseCopies, copyGroups } from './hit-copies.js';
import { placeOf, type Hit, type SearchBlock } from './hit.js';
import type { Block } from '../markdown/blocks.js';
import { createLexicon, type Lexicon } from './lexicon.js';
import { matchRanges, type Range } from './match-ranges.js';
import {
  containsPhrase,
  createMatcher,
  foldText,
  normalizeText,
  queryWords,
  stemOf,
  textWords,
  Tier,
  typoTierScore,
  unquotedQuery,
  type Ranked,
} from './match.js';
import { titleMatcher } from './resolve.js';
import { ownerTexts, type OwnerText } from './owner-texts.js';
import { loweredWords } from './words.js';
import { ownerCount, type TermIndex } from './term-index.js';
import type { Collection, NotesDocument, Section } from '../types.js';
import { lastAtMost } from '../sorted.js';
import { readOnce } from '../notes/lazy.js';

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
}

/**
 * Cuts an owner's blocks from its text (markdown/blocks.ts, whose module is one): handed in, so that a search whose
 * blocks are all kept need not load the Markdown parser, whose rules cost more to build than such a search.
 */
export interface BlockCutter {
  sectionBlocks(section: Section, source: string): Block[];
  fileBlocks(document: NotesDocument, source: string): Block[];
}

/** Owners by their documents' places and their own (see KnownBlocks.digests), in two columns: 100,000s of them. */
export interface OwnerPlaces {
  documents: Uint32Array;
  owners: Uint32Array;
}

/** Blocks cut before (kept with the notes), looked up an owner at a time: a search reads only its candidates'. */
export interface KnownBlocks extends Pick<ReadonlyMap<BlockOwner, Block[]>, 'get' | 'size'> {
  /**
   * The digests of the kept blocks of owners, each by its document's place and its own (0 the text before its first
   * section, then its sections in reading order), read together, without their blocks: what lets a search leave out
   * owners that cannot reach its best hits. Short texts that hold none of `phrases` may be left out (see BlocksDigest):
   * a common word's candidates are many, and few of their short texts hold it.
   */
  digests?(places: OwnerPlaces, phrases: string[]): Array<BlocksDigest | undefined>;
  /** Reads the kept blocks of these owners (by place, as digests) together, before they are asked for one by one. */
  prefetch?(places: Array<[document: number, owner: number]>): void;
}

/**
 * Where a search hands the blocks it cuts, owner by owner, to be kept for the next search, rather than holding them
 * itself: a first search of a common word cuts every section of a folder, more than is worth holding at once.
 */
export interface BlockSink {
  /** An owner's blocks as cut, with their digest; an owner a typo's search goes through again comes again. */
  add(owner: BlockOwner, blocks: OwnerBlocks): void;
}

/** An owner's blocks, and how short they are: what is kept of them for the next search. */
export interface OwnerBlocks {
  blocks: Block[];
  digest: BlocksDigest;
}

/**
 * What a search needs of an owner's blocks to tell the best any of them can rank, without reading them: the texts of
 * the short ones (a heading, a term), which may be a query or nearly all of it; and how short the others are, whose
 * coverage of a query is low (see rankBound). A tuple, as the cache keeps it: a search reads thousands.
 */
export type BlocksDigest = [
  /** The texts of the blocks of at most SHORT_BLOCK characters, folded (see foldText). */
  short: readonly string[],
  /** The shortest other text, trimmed; 0 when there is none. */
  trimmed: number,
  /** The shortest other text with its blanks made one space (see normalizeText); 0 when there is none. */
  normalized: number,
  /** Whether short texts were left out of `short` as holding none of the phrases a search asked about. */
  leftOut?: boolean,
];

/** The longest text a digest keeps whole: beyond it, a word of the usual length covers little of a block. */
const SHORT_BLOCK = 32;

export function blocksDigest(blocks: readonly Block[]): BlocksDigest {
  const short: string[] = [];
  let trimmed = 0;
  let normalized = 0;
  for (const { text } of blocks) {
    if (text.length <= SHORT_BLOCK) short.push(foldText(text));
    else {
      const t = text.trim().length;
      const n = normalizeText(text).length;
      if (trimmed === 0 || t < trimmed) trimmed = t;
      if (normalized === 0 || n < normalized) normalized = n;
    }
  }
  return [short, trimmed, normalized];
}

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
 * The search index of a collection, made once; blocks are cut (by `cutter`) from a section only when a query may hit it, unless
 * `known` has them already (blocks a search cut before, kept with the notes). With `terms` (the collection's words,
 * kept with the notes), the sections a query may hit are looked up, not read. With a `sink`, the blocks it cuts go
 * there, and what a group of candidates needed (their blocks, their files' texts) is let go once it is matched: a
 * search that runs once, not a browser's search on each key, which would cut them again.
 */
export function searchIndex(...given: Parameters<typeof createSearchIndex>): SearchIndex {
  const [collection] = given;
  let index = indexes.get(collection);
  if (!index) indexes.set(collection, (index = createSearchIndex(...given)));
  return index;
}

function createSearchIndex(
  collection: Collection,
  cutter: BlockCutter,
  known?: KnownBlocks,
  terms?: TermIndex,
  sink?: BlockSink,
): SearchIndex {
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
  /** The owners' texts of each document gone through, by its place: its text read once, not kept by the document. */
  const textsMade = new Map<number, OwnerText[]>();
  const textsAt = (d: number): OwnerText[] => {
    let texts = textsMade.get(d);
    if (!texts) textsMade.set(d, (texts = ownerTexts(documents[d], readOnce(documents[d], 'text'))));
    return texts;
  };
  /** The owners of the document at `d`, made when first gone through. */
  const entriesOf = (d: number): Entry[] => {
    let entries = made.get(d);
    if (!entries) {
      const document = documents[d];
      const owners = [null, ...document.sections.filter((section) => section.number !== null)];
      entries = owners.map((section, i) => ({ section, document, ordinal: starts[d] + i, texts: () => textsAt(d)[i] }));
      made.set(d, entries);
    }
    return entries;
  };
  const allEntries = (): Entry[] => documents.flatMap((_, d) => entriesOf(d));
  /** The document the owner numbered `ordinal` falls in. */
  const documentAt = (ordinal: number): number => lastAtMost(starts, ordinal);
  /** The owners numbered `ordinals` (ascending), each as its document's place and its own: a document at a time. */
  const placesOf = (ordinals: Uint32Array): OwnerPlaces => {
    const places = { documents: new Uint32Array(ordinals.length), owners: new Uint32Array(ordinals.length) };
    for (let k = 0, d = 0; k < ordinals.length; k++) {
      while (d + 1 < starts.length && starts[d + 1] <= ordinals[k]) d++;
      places.documents[k] = d;
      places.owners[k] = ordinals[k] - starts[d];
    }
    return places;
  };
  /** The owner numbered `ordinal` as its document's place and its own. */
  const placeAt = (ordinal: number): [number, number] => {
    const d = documentAt(ordinal);
    return [d, ordinal - starts[d]];
  };
  const entryAt = (ordinal: number): Entry | undefined => {
    const d = documentAt(ordinal);
    return entriesOf(d)[ordinal - starts[d]];
  };
  const lexicon = createLexicon(
    terms
      ? () => terms.words
      : function* () {
          for (const entry of allEntries()) yield* loweredWords(entry.texts().lowered);
        },
  );
  /** Every owner's number, in reading order. */
  const everyOwner = (): Uint32Array => {
    const ordinals = new Uint32Array(before);
    for (let i = 0; i < before; i++) ordinals[i] = i;
    return ordinals;
  };
  /**
   * The numbers of the owners that may hold a hit of every one of the words (ascending: in reading order), and a
   * test of one: numbers, not entries, so that a common word's 100,000s are made into entries a group at a time.
   */
  const mayHold = (words: string[], typos: boolean): { ordinals: ArrayLike<number>; holds: (entry: Entry) => boolean } => {
    if (!terms) return { ordinals: everyOwner(), holds: (entry) => mayContain(entry.texts().lowered, words, lexicon, typos) };
    const owners = candidateOwners(terms, words, lexicon, typos);
    if (!owners) return { ordinals: everyOwner(), holds: () => true };
    return { ordinals: owners, holds: (entry) => owners[lastAtMost(owners, entry.ordinal)] === entry.ordinal };
  };
  const searchBlocks = new Map<Entry, SearchBlock[]>();
  const searchBlocksOf = (entry: Entry): SearchBlock[] => {
    let held = searchBlocks.get(entry);
    if (!held) {
      const { section, document } = entry;
      const owner = section ?? document;
      let found = known?.get(owner);
      if (!found) {
        const { source } = entry.texts();
        found = section ? cutter.sectionBlocks(section, source) : cutter.fileBlocks(document, source);
        sink?.add(owner, { blocks: found, digest: blocksDigest(found) });
      }
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

  const search = (given: string, { within, limit }: SearchOptions): Hit[] => {
    const query = unquotedQuery(given);
    // literal matches always rank above typos: look for typos only when too few literal hits fill the limit
    const literal = collapseCopies(rank(query, within, false, limit));
    const hits = literal.length >= limit ? literal : collapseCopies(rank(query, within, true, limit));
    return hits.slice(0, limit);
  };

  const rank = (query: string, within: string | undefined, typos: boolean, limit: number): Hit[] => {
    const words = queryWords(query);
    if (words.length === 0) return [];
    if (within === undefined && terms && known?.digests) {
      const owners = candidateOwners(terms, words, lexicon, typos);
      if (owners && owners.length >= BOUNDED_FROM) return rankBounded(query, words, owners, typos, limit);
    }
    const scope =
      within === undefined
        ? undefined
        : new Set(
            titleMatcher(collection)
              .match(within)
              .map((r) => r.item),
          );
    const { ordinals, holds } = mayHold(words, typos);
    const inWithin = within === undefined ? undefined : mayHold(queryWords(within), true).holds;
    /** The candidates among the owners numbered `ordinals[from]` to `ordinals[to - 1]`. */
    const candidatesIn = (from: number, to: number): Entry[] => {
      const found: Entry[] = [];
      for (let k = from; k < Math.min(to, ordinals.length); k++) {
        const entry = entryAt(ordinals[k]);
        if (entry && holds(entry) && (!scope || (entry.section && scope.has(entry.section)) || inWithin!(entry))) found.push(entry);
      }
      return found;
    };
    if (within === undefined) {
      // a group at a time: the hits of a common word, and their blocks' copies for the matcher, never all at once
      let at = 0;
      return bestByGroups(query, typos, limit, () => {
        while (at < ordinals.length) {
          const group = candidatesIn(at, (at += ALL_GROUP));
          if (group.length > 0) return group;
        }
        return undefined;
      });
    }
    const candidates = candidatesIn(0, ordinals.length);
    known?.prefetch?.(candidates.map((entry) => placeAt(entry.ordinal)));
    const blocks = candidates.flatMap(searchBlocksOf);
    return scoredHits(scored(blocks.filter(inScope(scope!, blocks, within)), query, typos).sort(byRank));
  };

  /** The blocks' matches, each with its place in reading order (the owner's number, the block's in the owner). */
  const scored = (blocks: SearchBlock[], query: string, typos: boolean, ordinals?: number[]): Scored[] =>
    createMatcher(blocks, targetOf, { lexicon })
      .match(query, { typos })
      .map((ranked) => ({
        ranked,
        within: withinTier(ranked),
        order: ordinals ? [ordinals[ranked.index], ranked.index] : [0, ranked.index],
      }));

  /**
   * The best hits among candidate owners, without matching every one: the owners are gone through from the best
   * their kept blocks' digests allow (see rankBound) down, a group at a time, until no owner left can reach the
   * `limit`-th best hit found. Owners are matched whole, so every copy of a hit kept (see collapseCopies) is counted.
   */
  const rankBounded = (query: string, words: string[], ordinals: Uint32Array, typos: boolean, limit: number): Hit[] => {
    const phrase = normalizeText(query);
    const matched = words.reduce((sum, word) => sum + word.length, 0);
    // with typos, an owner that cannot hold every word as it is reaches the typo tier at most (see typoBound), and
    // only its short texts that hold a word like one of the query's can score more there than its other blocks
    const literal = typos ? candidateOwners(terms!, words, lexicon, false) : ordinals;
    const typoScore = typos ? typoTierScore(words, lexicon, (part) => terms!.words.some((word) => word.includes(part))) : 0;
    const alternatives = typos ? words.map((word) => typoAlternatives(word, lexicon)) : [];
    const digests = known!.digests!(placesOf(ordinals), [phrase, ...new Set(alternatives.flat())]);
    const bounds = new Float64Array(digests.length);
    let next = 0; // the first literal candidate not passed yet: both lists ascend, and a common word's are 100,000s
    for (let k = 0; k < digests.length; k++) {
      if (literal) while (next < literal.length && literal[next] < ordinals[k]) next++;
      const mayBeLiteral = !literal || literal[next] === ordinals[k];
      const typoKey = typos ? typoBound(digests[k], typoScore, words, alternatives, matched) : 0;
      bounds[k] = mayBeLiteral ? Math.max(rankBound(digests[k], phrase, matched), typoKey) : typoKey;
    }
    const order = byBoundThenReading(bounds);
    let at = 0;
    let group = 0;
    return bestByGroups(query, typos, limit, (last) => {
      at += group;
      group = Math.min(2 * group, BOUNDED_GROUP.most) || BOUNDED_GROUP.first;
      // the bounds of the owners left are at most this one's: below the last hit kept, none can rank
      if (at >= order.length || (last && bounds[order[at]] < rankKey(last.ranked.tier, last.within))) return undefined;
      return order.slice(at, at + group).flatMap((k) => entryAt(ordinals[k]) ?? []);
    });
  };

  /**
   * The best `limit` hits of the owners in the groups `next` gives (told the last hit kept so far; none ends the
   * walk), matched a group at a time. Owners are matched whole, so every copy of a hit kept (see collapseCopies) is
   * counted; ties stay in reading order.
   */
  const bestByGroups = (query: string, typos: boolean, limit: number, next: (last?: Scored) => Entry[] | undefined): Hit[] => {
    let found: Scored[] = [];
    let last: Scored | undefined;
    for (let group = next(); group; group = next(last)) {
      known?.prefetch?.(group.map((entry) => placeAt(entry.ordinal)));
      const blocks: SearchBlock[] = [];
      const owners: number[] = [];
      for (const entry of group) {
        for (const block of searchBlocksOf(entry)) {
          blocks.push(block);
          owners.push(entry.ordinal);
        }
      }
      ({ kept: found, last } = bestOf(found.concat(scored(blocks, query, typos, owners)).sort(byRank), limit));
      if (sink) letGo(group);
    }
    return scoredHits(found);
  };

  /**
   * Lets go of what these owners' matching needed, given to the sink already (the hits kept hold what they show):
   * but for the texts and entries of the document the group ends in, which the next group may go on in (a file of
   * more sections than a group).
   */
  const letGo = (group: Entry[]): void => {
    for (const entry of group) searchBlocks.delete(entry);
    const last = documentAt(group[group.length - 1].ordinal);
    for (const d of textsMade.keys()) if (d !== last) textsMade.delete(d);
    for (const d of made.keys()) if (d !== last) made.delete(d);
  };

  return {
    search,
    ranges: (query, text) => matchRanges(unquotedQuery(query), text, lexicon),
  };
}

interface Scored {
  ranked: Ranked<SearchBlock>;
  within: number;
  /** Reading order: the owner's number and the block's place among what was matched with it. */
  order: [number, number];
}

/** Candidates enough to bound: fewer are matched sooner than the digests are read. */
const BOUNDED_FROM = 16;

/**
 * Owners whose blocks are matched together, between checks of whether the rest can still rank: one first (the best
 * hits are often among the first owners), then twice as many each time, so that a long search sorts its hits seldom.
 */
const BOUNDED_GROUP = { first: 1, most: 1024 };

/** Owners whose blocks are matched together when every candidate is gone through. */
const ALL_GROUP = 1024;

/**
 * The places of `bounds` from the highest bound down, equal bounds in reading order: a common word's candidates are
 * many and their bounds few, so each bound's places are gathered, and only the bounds sorted.
 */
function byBoundThenReading(bounds: Float64Array): number[] {
  const places = new Map<number, number[]>();
  bounds.forEach((bound, k) => {
    const same = places.get(bound);
    if (same) same.push(k);
    else places.set(bound, [k]);
  });
  return [...places.keys()].sort((a, b) => b - a).flatMap((bound) => places.get(bound)!);
}

/** Best first; ties in reading order. */
const byRank = (a: Scored, b: Scored): number =>
  b.ranked.tier - a.ranked.tier || b.within - a.within || a.order[0] - b.order[0] || a.order[1] - b.order[1];

const scoredHits = (found: Scored[]): Hit[] =>
  found.map(({ ranked, within }) => ({ block: ranked.item, score: Math.round(((ranked.tier - 1 + within) / TIERS) * 1000) / 1000 }));

/**
 * Of these matches (sorted), the best `limit` once copies count as one (see collapseCopies), each with its copies;
 * and the `limit`-th, if there are that many.
 */
function bestOf(found: Scored[], limit: number): { kept: Scored[]; last?: Scored } {
  const best = copyGroups(found, (match) => match.ranked.item, limit);
  return { kept: best.flat().sort(byRank), last: best.length === limit ? best[limit - 1][0] : undefined };
}

/**
 * A tier and a within-tier score as one number that orders as they do: within is at most 1, tiers are whole. Rounding
 * only ever makes two keys equal, never reverses them, so a key below another is a rank below it.
 */
const rankKey = (tier: number, within: number): number => 2 * tier + within;

/**
 * The best rank (see rankKey) any block of an owner may reach, from its digest. A block is the query itself only if its
 * normalized text is; has it as a phrase only if its text does, else it is below the phrase tier; and its coverage (see
 * withinTier) is at most the query's characters over its length. Not known: the best there is.
 */
function rankBound(digest: BlocksDigest | undefined, phrase: string, matched: number): number {
  if (!digest) return rankKey(Tier.Exact, 1);
  // by index: destructuring a digest, or a for-of over its texts, costs an iterator until V8 optimizes this, and a
  // common word's candidates are 100,000s
  const short = digest[0];
  const trimmed = digest[1];
  const normalized = digest[2];
  const leftOut = digest[3];
  // a short text without the phrase is below the phrase tier
  let best = leftOut ? rankKey(Tier.Words, 1) : 0;
  if (trimmed > 0) {
    const tier = normalized <= phrase.length ? Tier.Exact : Tier.Phrase;
    best = Math.max(best, rankKey(tier, tier === Tier.Exact ? 1 : covering(matched, trimmed)));
  }
  for (let i = 0; i < short.length; i++) {
    const text = short[i];
    const bound = !containsPhrase(phrase, text)
      ? rankKey(Tier.Words, 1)
      : normalizeText(text) === phrase
        ? rankKey(Tier.Exact, 1)
        : rankKey(Tier.Phrase, covering(matched, text.trim().length));
    if (bound > best) best = bound;
  }
  return best;
}

/**
 * The best rank (see rankKey) a block of an owner may reach in the typo tier, from its digest: its words score at most
 * `score` (see typoTierScore); of its own text they cover at most the words it holds something of (`alternatives`,
 * word by word) — a short text left out of the digest holds none, and matches through its context alone — and of its
 * other texts, at most the query's `matched` characters of the shortest. Not known: the best there is.
 */
function typoBound(digest: BlocksDigest | undefined, score: number, words: string[], alternatives: string[][], matched: number): number {
  if (!digest) return rankKey(Tier.Exact, 1);
  const short = digest[0];
  let covered = digest[1] > 0 ? Math.min(1, matched / digest[1]) : 0;
  for (let i = 0; i < short.length; i++) {
    let own = 0;
    // a word of no letters or digits has no alternatives, and may be held as it is
    for (let w = 0; w < words.length; w++) {
      if (alternatives[w].length === 0 || alternatives[w].some((held) => short[i].includes(held))) own += words[w].length;
    }
    covered = Math.max(covered, Math.min(1, own / Math.max(1, short[i].trim().length)));
  }
  // a hair above: the matcher sums its words' scores in another order, which may round up by a last bit
  return rankKey(Tier.Typo, MATCH_WEIGHT * score + (1 - MATCH_WEIGHT) * Math.sqrt(covered)) + ROUNDING_MARGIN;
}

const ROUNDING_MARGIN = 1e-9;

/** What a text that holds a word as it is, or a typo of it, holds one of: each of its parts, their stems, their typos. */
function typoAlternatives(word: string, lexicon: Lexicon): string[] {
  return [...new Set(textWords(word).flatMap((part) => [part, stemOf(part), ...lexicon.similar(part).keys()]))];
}

/** The most a block of `length` characters can score within its tier when `matched` characters of it match. */
const covering = (matched: number, length: number): number =>
  MATCH_WEIGHT + (1 - MATCH_WEIGHT) * Math.sqrt(Math.min(1, matched / Math.max(1, length)));

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
 * each owner's lowered text: a run of letters and digits found in a text lies within one of its words. Ascending;
 * undefined (any owner may hold them) when the words have no such run or the index cannot tell.
 */
export function candidateOwners(index: TermIndex, words: string[], lexicon: Lexicon, typos: boolean): Uint32Array | undefined {
  let found: Uint32Array | undefined;
  for (const part of words.flatMap(textWords)) {
    const wanted = [part, stemOf(part), ...(typos ? lexicon.similar(part).keys() : [])];
    const lists: Array<ArrayLike<number>> = [];
    for (let i = 0; i < index.words.length; i++) {
      if (!wanted.some((w) => index.words[i].includes(w))) continue;
      const owners = index.owners(i);
      if (!owners) return undefined; // not known: any owner may hold the words, and the matcher tells
      lists.push(owners);
    }
    const holding = unionOf(lists);
    found = found ? commonTo(found, holding) : holding;
    if (found.length === 0) break;
  }
  return found; // no run of letters or digits: any owner may
}

/** The numbers of every list, ascending, each once: a common word's owners are 100,000s, kept out of a Set. */
function unionOf(lists: Array<ArrayLike<number>>): Uint32Array {
  const all = new Uint32Array(lists.reduce((sum, list) => sum + list.length, 0));
  let at = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) all[at++] = list[i];
  all.sort();
  let kept = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i];
  return all.subarray(0, kept);
}

/** The numbers in both ascending lists. */
function commonTo(a: Uint32Array, b: Uint32Array): Uint32Array {
  const common = new Uint32Array(Math.min(a.length, b.length));
  let kept = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      common[kept++] = a[i];
      i++;
      j++;
    }
  }
  return common.subarray(0, kept);
}
