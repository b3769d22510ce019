// Where a query matched a text, as ranges of the text to mark: the same words and typos the matcher matched.
import { mayBeTypoOf, type Lexicon } from './lexicon.js';
import { foldText, literalQuality, occurrences, queryWords, textWords, WORD_QUALITY } from './match.js';

/** A start and end offset, end exclusive. */
export type Range = [number, number];

/** Where the query's words (and the words its typos stand for) are in `text`: sorted and apart, for highlighting. */
export function matchRanges(query: string, text: string, lexicon: Lexicon): Range[] {
  const folded = foldText(text);
  const found: Range[] = [];
  const mark = (word: string): void => {
    // from word starts, as the match was made, unless the word is only found inside others
    const fromWordStart = literalQuality(word, folded) >= WORD_QUALITY.prefix;
    for (const at of occurrences(word, folded, fromWordStart)) found.push([at, at + word.length]);
  };
  // only a whole word of the text can be marked as a typo: when none is near, the notes' lexicon is not needed
  // (a hit found by its section's title would otherwise build it from the whole folder)
  let words: Set<string> | undefined;
  const nearWord = (part: string): boolean => [...(words ??= new Set(textWords(folded)))].some((word) => mayBeTypoOf(part, word));
  for (const word of queryWords(query)) {
    if (literalQuality(word, folded)) mark(word);
    else
      for (const part of textWords(word)) {
        if (literalQuality(part, folded)) mark(part);
        else if (nearWord(part))
          for (const similar of lexicon.similar(part).keys()) if (literalQuality(similar, folded) === 1) mark(similar);
      }
  }
  return mergeRanges(found);
}

/** Ranges sorted, with overlapping or touching ones joined. */
export function mergeRanges(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
