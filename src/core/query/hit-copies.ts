// Identical hits that differ only by the tab or copy they sit in (the same command under "Linux" and "macOS" tabs)
// are one hit to a reader: the best is kept, with how many there are.
import type { Hit, SearchBlock } from './hit.js';

/**
 * Items (hits, or matches on their way to be hits) grouped as copies: the same text in the same section (or file
 * preamble). Groups in the order of their first item, the first `limit` only; every copy of those counted.
 */
export function copyGroups<T>(items: Iterable<T>, blockOf: (item: T) => SearchBlock, limit = Infinity): T[][] {
  const groups = new Map<object, Map<string, T[]>>();
  const result: T[][] = [];
  for (const item of items) {
    const { section, document, text } = blockOf(item);
    const owner = section ?? document;
    let texts = groups.get(owner);
    if (!texts) groups.set(owner, (texts = new Map()));
    const same = texts.get(text);
    if (same) same.push(item);
    else if (result.length < limit) {
      const group = [item];
      texts.set(text, group);
      result.push(group);
    }
  }
  return result;
}

/** The hits with each section's identical texts collapsed into the first (best), which counts them in `copies`. */
export function collapseCopies(hits: Hit[]): Hit[] {
  return copyGroups(hits, (hit) => hit.block).map(([first, ...others]) =>
    others.length === 0 ? { ...first } : { ...first, copies: (first.copies ?? 1) + others.length },
  );
}
