// Search hits for people: grouped by section in rank order, each with its line, label and the matched characters marked.
import type { Range } from '../../core/query/match-ranges.js';
import { placeOf, type Hit } from '../../core/query/hit.js';
import type { NotesDocument, Section } from '../../core/types.js';
import { toJson } from '../json.js';
import { cutStartToWidth, cutToWidth, fitSectionPath, PATH_SEPARATOR, windowAround } from '../fit.js';
import { escapedName, printable } from '../safe-text.js';
import type { Style } from '../style.js';
import { widest, widthOf } from '../wrap.js';

export interface HitsOptions {
  style: Style;
  /** Where the query matched a text, on the text as printed. */
  ranges: (text: string) => Range[];
  /** Name each section's file (when the notes are several files). */
  files: boolean;
  /** Columns each line may fill. */
  width: number;
}

/** A section's file, a hit's label: what the path or text leaves, and at least this share when they need the room. */
const FILE_SHARE = 0.4;
const LABEL_SHARE = 0.25;
/** The most lines of one multi-line block (code) a hit shows: those where the query matched. */
const MAX_BLOCK_LINES = 3;

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
 * its hits in rank order, each as its line, its label (where that is not the section's title) and its text, every
 * line fitted to the width: a long text shows a window around its match, a block of several lines (code) the lines
 * that matched.
 */
export function renderHits(hits: Hit[], options: HitsOptions): string {
  // a block before any section is grouped under its file
  const groups = new Map<Section | NotesDocument, Hit[]>();
  for (const hit of hits) {
    const key = hit.block.section ?? hit.block.document;
    groups.set(key, [...(groups.get(key) ?? []), hit]);
  }
  const lineWidth = hits.reduce((most, hit) => Math.max(most, String(hit.block.line).length), 0);
  const blocks = [...groups.values()].map((groupHits) =>
    [headerLine(groupHits[0], options), ...groupHits.flatMap((hit) => hitLines(hit, lineWidth, options))].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

/** `7.6  Prometheus › Alert  notes.md`: the number and path of a hit's section, and its file when asked. */
function headerLine(hit: Hit, { style, ranges, files, width }: HitsOptions): string {
  const place = placeOf(hit.block);
  const number = place.number ?? '';
  const room = width - (number ? number.length + 2 : 0);
  // in a folder, the page comes first: the hit's own path is within it
  const page = files && hit.block.section ? [hit.block.document.title] : [];
  const path = [...page, ...place.path].map(printable);
  const fileRoom = Math.max(room - widthOf(path.join(PATH_SEPARATOR)), Math.floor(room * FILE_SHARE)) - 2;
  const file = files ? `  ${cutStartToWidth(escapedName(place.file), fileRoom)}` : '';
  const fitted = fitSectionPath(path, room - widthOf(file));
  return `${number && `${style.number(number)}  `}${style.title(markRanges(fitted, ranges(fitted), style.match))}${style.dim(file)}`;
}

/** A hit's line (or, for a block of several lines, each line that matched): line number, label and text in the width. */
function hitLines({ block, copies }: Hit, lineWidth: number, { style, ranges, width }: HitsOptions): string[] {
  const place = placeOf(block);
  const text = printable(block.text);
  const label = printable(block.label);
  // identical hits in other tabs or copies of the page are one hit, counted
  const count = copies ? `  (${copies} copies)` : '';
  const room = width - lineWidth - 4 - count.length;
  const matched = block.text.includes('\n') ? matchedLines(block.text, ranges) : [text];
  // the label takes what the text leaves, and at least its share when the text needs the room
  const labelRoom = Math.max(room - widest(matched), Math.floor(room * LABEL_SHARE)) - 3;
  const where = label !== printable(place.title) && label !== text ? `${cutToWidth(label, labelRoom)} › ` : '';
  return matched.map((line, i) => {
    const shown = windowAround(line, ranges(line), room - widthOf(where));
    const start =
      i === 0 ? `  ${style.dim(String(block.line).padStart(lineWidth))}  ${style.dim(where)}` : ' '.repeat(lineWidth + 4 + widthOf(where));
    return `${start}${markRanges(shown.text, shown.ranges, style.match)}${i === 0 ? style.dim(count) : ''}`;
  });
}

/** The lines of a block of several that the query matched (each on its own), else the block as one line. */
function matchedLines(text: string, ranges: HitsOptions['ranges']): string[] {
  const lines = text
    .split('\n')
    .map(printable)
    .filter((line) => ranges(line).length > 0);
  return lines.length ? lines.slice(0, MAX_BLOCK_LINES) : [printable(text)];
}

/** `search --json`: each hit's section, page, label, own line, plain text, score and copies, best first. */
export function searchJson(hits: Hit[]): string {
  return toJson(
    hits.map(({ block, score, copies = 1 }) => {
      const { id, title, path, file } = placeOf(block);
      return { id, title, path, file, page: block.document.title, label: block.label, line: block.line, text: block.text, score, copies };
    }),
  );
}
