// The words of the notes, and which of them a mistyped word may mean: fuse.js finds candidates, Levenshtein decides.
import { distance } from 'fastest-levenshtein';
import Fuse from 'fuse.js';

export interface Lexicon {
  /** Words of the notes within a typo or two of `word` (lowercase), with their closeness 0–1; none for short words. */
  similar(word: string): Map<string, number>;
}

const TYPO_MIN_LENGTH = 4;
/** Wide enough that fuse never drops a word Levenshtein would accept: at most 2 edits in 8 letters, 1 in 4. */
const FUSE_THRESHOLD = 0.3;
/** A typed prefix with a typo ("kubernets" of "kubernetes-sigs") counts a little less than a whole word. */
const STEM_WEIGHT = 0.9;

/** Edits forgiven in a word of this length: one from four letters, two from eight. */
export const typoBudget = (length: number): number => (length < TYPO_MIN_LENGTH ? 0 : length < 8 ? 1 : 2);

/** Whole words whose lengths are further apart than this ratio have no similarity as wholes. */
const UNLIKE_LENGTHS = 0.25;

/** 0–1: 1 when one word starts the other, else how few edits turn one into the other or into its stem. */
export function wordSimilarity(a: string, b: string): number {
  if (a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a))) return 1;
  // "alrting" is nearer "alert" than its length says: compare the longer word cut to the shorter one's length
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  const stem = short.length >= TYPO_MIN_LENGTH ? STEM_WEIGHT * (1 - distance(short, long.slice(0, short.length)) / short.length) : 0;
  // whole words differ in at least their difference in length: one four times the other's length is not like it
  // as a whole (and a pasted 100,000-letter word is not measured against every word of the notes)
  if (short.length / long.length < UNLIKE_LENGTHS) return Math.max(0, stem);
  return Math.max(0, 1 - distance(a, b) / long.length, stem);
}

/**
 * Could `candidate` be a typo-neighbour of `word` at all (the widest budget, the whole word or its start)? A cheap
 * necessary test of `similar`, so that a caller can spare building the lexicon when no word at hand can pass.
 */
export function mayBeTypoOf(word: string, candidate: string): boolean {
  const budget = typoBudget(word.length);
  return (
    budget > 0 &&
    (distance(word, candidate) <= budget || (candidate.length > word.length && distance(word, candidate.slice(0, word.length)) <= budget))
  );
}

/**
 * Closeness of `candidate` to a mistyped `word` if the edits fit the word's budget, else 0. A word the notes use
 * is taken as meant: only a one-edit spelling of it counts ("infrastructure" finds the notes' "infrastucture",
 * "sharding" does not find "starting").
 */
function typoCloseness(word: string, candidate: string, known: boolean): number {
  const budget = known ? Math.min(1, typoBudget(word.length)) : typoBudget(word.length);
  const whole = distance(word, candidate);
  if (whole <= budget) return 1 - whole / Math.max(word.length, candidate.length);
  if (known || candidate.length <= word.length) return 0;
  const stem = distance(word, candidate.slice(0, word.length));
  return stem <= budget ? STEM_WEIGHT * (1 - stem / word.length) : 0;
}

/**
 * A lexicon of the words `words()` yields, read on the first typo. Fuse's bitap search over the distinct words
 * retrieves candidates quickly, even inside longer words; it also finds a word inside any longer one ("scaning" in
 * "rescanning"), so Levenshtein distance over the whole word, or its stem, keeps only real typos and scores them.
 */
export function createLexicon(words: () => Iterable<string>): Lexicon {
  let vocabulary: Set<string> | undefined;
  let longest = 0;
  let fuse: Fuse<string> | undefined;
  const cache = new Map<string, Map<string, number>>();
  const similar = (word: string): Map<string, number> => {
    let found = cache.get(word);
    if (found) return found;
    found = new Map();
    const budget = typoBudget(word.length);
    if (budget > 0 && !vocabulary) {
      vocabulary = new Set(words());
      for (const known of vocabulary) longest = Math.max(longest, known.length);
    }
    // a word longer than any of the notes' by more than its budget is a typo of none (and a pasted 100,000-letter
    // word would keep fuse's bitap search busy for half a minute)
    if (vocabulary && budget > 0 && word.length - budget <= longest) {
      fuse ??= new Fuse([...vocabulary], { threshold: FUSE_THRESHOLD, ignoreLocation: true, isCaseSensitive: true, shouldSort: false });
      const known = vocabulary.has(word);
      for (const { item } of fuse.search(word)) {
        const closeness = item === word ? 0 : typoCloseness(word, item, known);
        if (closeness > 0) found.set(item, closeness);
      }
    }
    cache.set(word, found);
    return found;
  };
  return { similar };
}
