// The one matcher: how well a query's words match an item's text, in tiers from exact to typo (show and search share it).
import { stemmer } from 'stemmer';
import { createLexicon, wordSimilarity, type Lexicon } from './lexicon.js';
import { textWords } from './words.js';

/** What a query is matched against: the item's own text, and text around it (a section's ancestors, say). */
export interface MatchTarget {
  primary: string;
  context?: string[];
}

/** Match tiers, best first. Every word must match somewhere for an item to match at all. */
export const Tier = {
  /** The own text equals the query. */
  Exact: 5,
  /** The query appears as a phrase, from a word start, in the own text. */
  Phrase: 4,
  /** Every word is a whole word of the own text or its context, in any order. */
  Words: 3,
  /** Every word appears literally, some only as the start (or inside) of a word. */
  Prefix: 2,
  /** Some word only matches a similar word (a typo). */
  Typo: 1,
} as const;

export interface Ranked<T> {
  item: T;
  /** Position of the item in the list given, for ties in document order. */
  index: number;
  tier: number;
  /** How closely the words matched, 0–1, 1 best; compares items within a tier. */
  score: number;
  /** How much of the own text the matched words are, 0–1: a short line that is all match over a long paragraph. */
  coverage: number;
}

export interface MatchOptions {
  /** Also match words a typo away (default true); without, only literal matches, which always rank above typos. */
  typos?: boolean;
}

export interface Matcher<T> {
  /** Every matching item, unsorted: callers order by tier, then their own keys. */
  match(query: string, options?: MatchOptions): Ranked<T>[];
  /** The items most like the query even when it matches none, for "did you mean". */
  closest(query: string, limit: number): T[];
}

export interface MatcherOptions {
  /** The words typos are looked up in; by default the items' own words. */
  lexicon?: Lexicon;
}

export const WORD_QUALITY = { word: 1, prefix: 0.85, infix: 0.6 } as const;
/** A word found only by its stem (`breakers` in "circuit breaker"): below the word itself, never a whole word. */
const STEM_QUALITY = 0.7;
const CONTEXT_WEIGHT = 0.9;
const TYPO_WEIGHT = 0.5;
const CLOSEST_MIN_SCORE = 0.5;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (char: string | undefined): boolean => char !== undefined && WORD_CHAR.test(char);
const QUOTES: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"' };

/** Lowercase, every blank a space, curly quotes straight: one character for one, so offsets stay those of `text`. */
export function foldText(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  // blanks other than the space: most blanks are spaces already, and replacing each costs
  return lower.replace(/[^\S ]/g, ' ').replace(/[\u2018\u2019\u201C\u201D]/g, (quote) => QUOTES[quote]);
}

export const normalizeText = (text: string): string => foldText(text).replace(/ +/g, ' ').trim();
export const queryWords = (query: string): string[] => normalizeText(query).split(' ').filter(Boolean);

/**
 * A query in double quotes (straight or curly), as many type a phrase, is the phrase in them: the quotes are not
 * part of what is looked for (kept, every word would match only as a typo, `"canary` through `canary`).
 */
export function unquotedQuery(query: string): string {
  const quoted = /^\s*["\u201C\u201D](.*)["\u201C\u201D]\s*$/s.exec(query);
  return quoted && quoted[1].trim() !== '' ? quoted[1] : query;
}

export { textWords };

const stems = new Map<string, string>();

/**
 * A word's English stem (Porter's), for a word of letters; other words are their own stem. Remembered: a query's
 * words are stemmed once, not once per title or block they are matched against.
 */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) stems.set(word, (stem = /^[a-z]{4,}$/.test(word) ? stemmer(word) : word));
  return stem;
}

/**
 * Where `word` is next in `text` from `from` on (at a word start when `fromWordStart`), or -1. A function, not a
 * generator, for the matcher's own loops, which run for every title or block a query is matched against: a
 * generator's objects were much of what matching a large folder's titles allocated.
 */
function nextOccurrence(word: string, text: string, from: number, fromWordStart: boolean): number {
  for (let at = text.indexOf(word, from); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!fromWordStart || !isWordChar(word[0]) || !isWordChar(text[at - 1])) return at;
  }
  return -1;
}

/** Offsets of `word` in `text`, at a word start when `fromWordStart`. */
export function* occurrences(word: string, text: string, fromWordStart: boolean): Generator<number> {
  for (let at = nextOccurrence(word, text, 0, fromWordStart); at !== -1; at = nextOccurrence(word, text, at + 1, fromWordStart)) yield at;
}

/** The best literal quality of `word` in `text` (both folded): a whole word, a word prefix, inside a word, or 0. */
export function literalQuality(word: string, text: string): number {
  let best = 0;
  for (let at = nextOccurrence(word, text, 0, false); at !== -1; at = nextOccurrence(word, text, at + 1, false)) {
    const startsWord = !isWordChar(word[0]) || !isWordChar(text[at - 1]);
    const endsWord = !isWordChar(word.at(-1)) || !isWordChar(text[at + word.length]);
    const quality = startsWord ? (endsWord ? WORD_QUALITY.word : WORD_QUALITY.prefix) : WORD_QUALITY.infix;
    if (quality > best) best = quality;
    if (best === WORD_QUALITY.word) break;
  }
  return best;
}

export const containsPhrase = (phrase: string, text: string): boolean => nextOccurrence(phrase, text, 0, true) !== -1;

interface WordMatch {
  quality: number;
  whole: boolean;
  typo: boolean;
  /** Characters of the own text it matched. */
  own: number;
}

/**
 * The most a match of a query's `words` in the typo tier can score (see match): one word through its parts, each the
 * closest of its typos — or 1, if it is not the whole word (which goes through its parts only when not found as it
 * is) and `mayBeLiteral` says it may be found as it is — every other word at most 1. 0 when no word can go through
 * typos.
 */
export function typoTierScore(words: readonly string[], lexicon: Lexicon, mayBeLiteral: (part: string) => boolean): number {
  let typoWord = -1;
  for (const word of words) {
    const parts = textWords(word);
    if (parts.length === 0) continue; // matched literally or not at all
    let total = 0;
    for (const part of parts) {
      let best = part !== word && mayBeLiteral(part) ? 1 : 0;
      for (const closeness of lexicon.similar(part).values()) best = Math.max(best, closeness * TYPO_WEIGHT);
      total += best;
    }
    typoWord = Math.max(typoWord, total / parts.length);
  }
  return typoWord < 0 ? 0 : (typoWord + words.length - 1) / words.length;
}

export function createMatcher<T>(items: readonly T[], targetOf: (item: T) => MatchTarget, options: MatcherOptions = {}): Matcher<T> {
  // many items share their context (a section's path, a label): each is folded once
  const contexts = new Map<string, string>();
  const foldContext = (context: string): string => {
    let folded = contexts.get(context);
    if (folded === undefined) contexts.set(context, (folded = foldText(context)));
    return folded;
  };
  const targets = items.map((item) => {
    const target = targetOf(item);
    return { primary: foldText(target.primary), context: foldContext((target.context ?? []).join(' \u0000 ')) };
  });
  const lexicon =
    options.lexicon ??
    createLexicon(function* () {
      // titles and contexts repeat (a section's path is each of its subsections' context): each is read once
      const read = new Set<string>();
      for (const { primary, context } of targets) {
        for (const text of [primary, context]) {
          if (read.has(text)) continue;
          read.add(text);
          yield* textWords(text);
        }
      }
    });

  /** How one query word matches a target: literally (own text over context), else through typos of its parts. */
  const wordMatch = (word: string, target: (typeof targets)[number], typos: boolean): WordMatch | undefined => {
    const own = literalQuality(word, target.primary);
    const context = literalQuality(word, target.context);
    if (own || context)
      return {
        quality: Math.max(own, context * CONTEXT_WEIGHT),
        whole: own === 1 || context === 1,
        typo: false,
        own: own ? word.length : 0,
      };
    const stemmed = stemMatch(word, target);
    if (stemmed) return stemmed;
    const parts = textWords(word);
    if (!typos || parts.length === 0) return undefined;
    let total = 0;
    let ownLength = 0;
    for (const part of parts) {
      let best = literalQuality(part, target.primary) || literalQuality(part, target.context) * CONTEXT_WEIGHT;
      let inOwn = literalQuality(part, target.primary) > 0;
      if (!best) {
        for (const [similar, closeness] of lexicon.similar(part)) {
          const where =
            literalQuality(similar, target.primary) === 1 ? 1 : literalQuality(similar, target.context) === 1 ? CONTEXT_WEIGHT : 0;
          if (where * closeness * TYPO_WEIGHT > best) [best, inOwn] = [where * closeness * TYPO_WEIGHT, where === 1];
        }
      }
      if (!best) return undefined;
      total += best;
      if (inOwn) ownLength += part.length;
    }
    return { quality: total / parts.length, whole: false, typo: true, own: ownLength };
  };

  /** The word's English stem at a word start (`rotate` → `rotat`, in "rotating"): no typo, but no whole word either. */
  const stemMatch = (word: string, target: (typeof targets)[number]): WordMatch | undefined => {
    const stem = stemOf(word);
    if (stem === word) return undefined;
    const own = literalQuality(stem, target.primary) >= WORD_QUALITY.prefix;
    const context = literalQuality(stem, target.context) >= WORD_QUALITY.prefix;
    if (!own && !context) return undefined;
    return { quality: STEM_QUALITY * (own ? 1 : CONTEXT_WEIGHT), whole: false, typo: false, own: own ? stem.length : 0 };
  };

  const match = (query: string, { typos = true }: MatchOptions = {}): Ranked<T>[] => {
    const phrase = normalizeText(query);
    const words = queryWords(query);
    if (words.length === 0) return [];
    const ranked: Ranked<T>[] = [];
    targets.forEach((target, index) => {
      const matches: WordMatch[] = [];
      for (const word of words) {
        const found = wordMatch(word, target, typos);
        if (!found) return;
        matches.push(found);
      }
      const score = matches.reduce((sum, m) => sum + m.quality, 0) / matches.length;
      const inPhrase = containsPhrase(phrase, target.primary);
      const tier =
        inPhrase && normalizeText(target.primary) === phrase
          ? Tier.Exact
          : inPhrase
            ? Tier.Phrase
            : matches.some((m) => m.typo)
              ? Tier.Typo
              : matches.every((m) => m.whole)
                ? Tier.Words
                : Tier.Prefix;
      const coverage = Math.min(1, matches.reduce((sum, m) => sum + m.own, 0) / Math.max(1, target.primary.trim().length));
      ranked.push({ item: items[index], index, tier, score, coverage });
    });
    return ranked;
  };

  const closest = (query: string, limit: number): T[] => {
    const words = textWords(query);
    if (words.length === 0) return [];
    // one table per query word, keyed by the notes' word: a key made of both would hash the query word each time
    const similarity = words.map(() => new Map<string, number>());
    const best = (word: number, candidates: string[]): number => {
      let top = 0;
      for (const candidate of candidates) {
        let value = similarity[word].get(candidate);
        if (value === undefined) similarity[word].set(candidate, (value = wordSimilarity(words[word], candidate)));
        top = Math.max(top, value);
      }
      return top;
    };
    // an item's best for a word is the better of its own text's and its context's; a text that repeats (a context
    // shared by a section's subsections) is measured once
    const bests = new Map<string, number[]>();
    const bestIn = (text: string): number[] => {
      let found = bests.get(text);
      if (!found) {
        const candidates = textWords(text);
        bests.set(text, (found = words.map((_, word) => best(word, candidates))));
      }
      return found;
    };
    const scored = targets.map((target, index) => {
      const own = bestIn(target.primary);
      const context = bestIn(target.context);
      return { index, score: words.reduce((sum, _, word) => sum + Math.max(own[word], context[word]), 0) / words.length };
    });
    return scored
      .filter((s) => s.score >= CLOSEST_MIN_SCORE)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit)
      .map((s) => items[s.index]);
  };

  return { match, closest };
}
