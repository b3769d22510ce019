// Identical hits that differ only by the tab or copy they sit in (the same command under "Linux" and "macOS" tabs)
// are one hit to a reader: the best is kept, with how many there are.
import type { Hit } from './search.js';

/** The hits with each page's identical texts collapsed into the first (best), which counts them in `copies`. */
export function collapseCopies(hits: Hit[]): Hit[] {
  const kept = new Map<string, Hit>();
  for (const hit of hits) {
    const key = `${hit.document.document.file}\u0000${hit.document.text}`;
    const first = kept.get(key);
    if (first) first.copies = (first.copies ?? 1) + 1;
    else kept.set(key, { ...hit });
  }
  return [...kept.values()];
}
