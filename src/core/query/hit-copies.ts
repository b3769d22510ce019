// Identical hits that differ only by the tab or copy they sit in (the same command under "Linux" and "macOS" tabs)
// are one hit to a reader: the best is kept, with how many there are.
import type { Hit } from './hit.js';

/** The hits with each section's identical texts collapsed into the first (best), which counts them in `copies`. */
export function collapseCopies(hits: Hit[]): Hit[] {
  const kept = new Map<object, Map<string, Hit>>();
  const result: Hit[] = [];
  for (const hit of hits) {
    const owner = hit.block.section ?? hit.block.document;
    let texts = kept.get(owner);
    if (!texts) kept.set(owner, (texts = new Map()));
    const first = texts.get(hit.block.text);
    if (first) first.copies = (first.copies ?? 1) + 1;
    else {
      const copy = { ...hit };
      texts.set(hit.block.text, copy);
      result.push(copy);
    }
  }
  return result;
}
