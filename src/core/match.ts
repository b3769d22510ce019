// The one matcher: how well a query's words match an item's text, in tiers from exact to typo (show and search share it).
import { distance } from 'fastest-levenshtein';

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
  /** Every word is a word or word prefix of the own text. */
  OwnWords: 3,
  /** Every word appears literally in the own text or its context. */
  Words: 2,
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
}

export interface Matcher<T> {
  /** Every matching item, unsorted: callers order by tier, then their own keys. */
  match(query: string): Ranked<T>[];
  /** The items most like the query even when it matches none, for "did you mean". */
  closest(query: string, limit: number): T[];
}

const WORD_QUALITY = { word: 1, prefix: 0.85, infix: 0.6 } as const;
const CONTEXT_WEIGHT = 0.9;
const TYPO_MIN_LENGTH = 4;
const CLOSEST_MIN_SCORE = 0.5;

/** Edits forgiven in a word of this length: one from four letters, two from eight. */
const typoBudget = (length: number): number => (length < TYPO_MIN_LENGTH ? 0 : length < 8 ? 1 : 2);

/** 0–1: 1 when one word starts the other, else how few edits turn one into the other or into its stem. */
function wordSimilarity(a: string, b: string): number {
  if (a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a))) return 1;
  const whole = 1 - distance(a, b) / Math.max(a.length, b.length);
  // "alrting" is nearer "alert" than its length says: compare the longer word cut to the shorter one's length
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const stem = short.length >= 4 ? 0.9 * (1 - distance(short, long.slice(0, short.length)) / short.length) : 0;
  return Math.max(0, whole, stem);
}

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);

export const normalizeText = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
export const queryWords = (query: string): string[] => normalizeText(query).split(' ').filter(Boolean);
export const textWords = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The best literal quality of `word` in `text` (both lowercase): a whole word, a word prefix, inside a word, or 0. */
export function literalQuality(word: string, text: string): number {
  let best = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const startsWord = !isWordChar(word[0]) || !isWordChar(text[at - 1]);
    const endsWord = !isWordChar(word.at(-1)) || !isWordChar(text[at + word.length]);
    const quality = startsWord ? (endsWord ? WORD_QUALITY.word : WORD_QUALITY.prefix) : WORD_QUALITY.infix;
    if (quality > best) best = quality;
    if (best === WORD_QUALITY.word) break;
  }
  return best;
}

/** Does `phrase` appear in `text` starting at a word start? */
function containsPhrase(phrase: string, text: string): boolean {
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    if (!isWordChar(phrase[0]) || !isWordChar(text[at - 1])) return true;
  }
  return false;
}

export function createMatcher<T>(items: readonly T[], targetOf: (item: T) => MatchTarget): Matcher<T> {
  const targets = items.map((item) => {
    const target = targetOf(item);
    const primary = normalizeText(target.primary);
    const context = normalizeText((target.context ?? []).join(' '));
    return { primary, context, words: new Set([...textWords(primary), ...textWords(context)]) };
  });

  let vocabulary: string[] | undefined;
  const similarCache = new Map<string, Map<string, number>>();
  /** Words of the notes within a typo or two of `word`, with their closeness 0–1. */
  const similarWords = (word: string): Map<string, number> => {
    let similar = similarCache.get(word);
    if (similar) return similar;
    similar = new Map();
    const budget = typoBudget(word.length);
    if (budget > 0) {
      vocabulary ??= [...new Set(targets.flatMap((t) => [...t.words]))];
      for (const candidate of vocabulary) {
        if (Math.abs(candidate.length - word.length) > budget) continue;
        const edits = distance(word, candidate);
        if (edits <= budget) similar.set(candidate, 1 - edits / Math.max(word.length, candidate.length));
      }
    }
    similarCache.set(word, similar);
    return similar;
  };

  /** The quality of one query word against a target, and whether it needed a typo or the context. */
  const wordMatch = (word: string, target: (typeof targets)[number]) => {
    const own = literalQuality(word, target.primary);
    const context = literalQuality(word, target.context) * CONTEXT_WEIGHT;
    if (own || context) return { quality: Math.max(own, context), inOwn: own >= WORD_QUALITY.prefix && own >= context, typo: false };
    const parts = textWords(word);
    if (parts.length === 0) return undefined;
    let total = 0;
    for (const part of parts) {
      let best = literalQuality(part, target.primary) || literalQuality(part, target.context) * CONTEXT_WEIGHT;
      if (!best) for (const [similar, closeness] of similarWords(part)) if (target.words.has(similar)) best = Math.max(best, closeness * 0.5);
      if (!best) return undefined;
      total += best;
    }
    return { quality: total / parts.length, inOwn: false, typo: true };
  };

  const match = (query: string): Ranked<T>[] => {
    const phrase = normalizeText(query);
    const words = queryWords(query);
    if (words.length === 0) return [];
    const ranked: Ranked<T>[] = [];
    targets.forEach((target, index) => {
      const matches = [];
      for (const word of words) {
        const found = wordMatch(word, target);
        if (!found) return;
        matches.push(found);
      }
      const score = matches.reduce((sum, m) => sum + m.quality, 0) / matches.length;
      const tier =
        target.primary === phrase ? Tier.Exact
        : containsPhrase(phrase, target.primary) ? Tier.Phrase
        : matches.some((m) => m.typo) ? Tier.Typo
        : matches.every((m) => m.inOwn) ? Tier.OwnWords
        : Tier.Words;
      ranked.push({ item: items[index], index, tier, score });
    });
    return ranked;
  };

  const closest = (query: string, limit: number): T[] => {
    const words = textWords(query);
    if (words.length === 0) return [];
    const scored = targets.map((target, index) => {
      const total = words.reduce((sum, word) => sum + Math.max(0, ...[...target.words].map((t) => wordSimilarity(word, t))), 0);
      return { index, score: total / words.length };
    });
    return scored
      .filter((s) => s.score >= CLOSEST_MIN_SCORE)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit)
      .map((s) => items[s.index]);
  };

  return { match, closest };
}
