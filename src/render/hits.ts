// Search hits for people: grouped by section in rank order, each with its line, label and the matched characters marked.
import type { Range } from '../core/highlight.js';
import { placeOf, type Hit } from '../core/search.js';
import type { NotesDocument, Section } from '../core/types.js';
import { toJson } from './json.js';
import { printable } from './safe-text.js';
import type { Style } from './style.js';

export interface HitsOptions {
  style: Style;
  /** Where the query matched a text, on the text as printed. */
  ranges: (text: string) => Range[];
  /** Name each section's file (when the notes are several files). */
  files: boolean;
}

/** `text` with the characters in `ranges` styled. */
export function markRanges(text: string, ranges: Range[], mark: (text: string) => string): string {
  let marked = '';
  let at = 0;
  for (const [start, end] of ranges) {
    marked += text.slice(at, start) + mark(text.slice(start, end));
    at = end;
  }
  return marked + text.slice(at);
}

/**
 * Each section that holds hits, in the order of its best hit: its number to pass to `show` and its path, then
 * its hits in rank order, each as its line, its label (where that is not the section's title) and its text.
 */
export function renderHits(hits: Hit[], { style, ranges, files }: HitsOptions): string {
  // a block before any section is grouped under its file
  const groups = new Map<Section | NotesDocument, Hit[]>();
  for (const hit of hits) {
    const key = hit.document.section ?? hit.document.document;
    groups.set(key, [...(groups.get(key) ?? []), hit]);
  }
  const lineWidth = hits.reduce((most, hit) => Math.max(most, String(hit.document.line).length), 0);
  const blocks = [...groups.values()].map((groupHits) => {
    const place = placeOf(groupHits[0].document);
    const file = files ? style.dim(`  ${printable(place.file)}`) : '';
    // in a folder, the page comes first: the hit's own path is within it
    const page = files && groupHits[0].document.section ? [groupHits[0].document.document.title] : [];
    const path = printable([...page, ...place.path].join(' › '));
    const header = `${place.number === null ? '' : `${style.number(place.number)}  `}${style.title(markRanges(path, ranges(path), style.match))}${file}`;
    const lines = groupHits.map(({ document, copies }) => {
      const text = printable(document.text);
      const label = printable(document.label);
      const where = label !== printable(place.title) && label !== text ? style.dim(`${label} › `) : '';
      const count = copies ? style.dim(`  (${copies} copies)`) : '';
      return `  ${style.dim(String(document.line).padStart(lineWidth))}  ${where}${markRanges(text, ranges(text), style.match)}${count}`;
    });
    return [header, ...lines].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** `search --json`: each hit's section, page, label, own line, plain text, score and copies, best first. */
export function searchJson(hits: Hit[]): string {
  return toJson(
    hits.map(({ document, score, copies = 1 }) => {
      const { id, title, path, file } = placeOf(document);
      return { id, title, path, file, page: document.document.title, label: document.label, line: document.line, text: document.text, score, copies };
    }),
  );
}
