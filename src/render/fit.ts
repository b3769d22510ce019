// Fitting text to a width: titles cut at the end, paths at the start, a search hit's line to a window around its
// match, a styled code line cut with a marker. Plain text is cut by graphemes (an emoji or a CJK character is never
// split); styled text by slice-ansi, which keeps the styles open and closed around the cut.
import sliceAnsi from 'slice-ansi';
import type { Range } from '../core/query/match-ranges.js';
import { widthOf } from './wrap.js';

export const ELLIPSIS = '…';
/** Between the titles of a section's path: `Prometheus › Alert`. */
export const PATH_SEPARATOR = ' › ';
/** Columns the parents' titles keep when a path is cut, so the reader still sees which talk a section is in. */
export const MIN_PARENTS = 12;

const graphemes = new Intl.Segmenter();

/** The graphemes of `text` that fit in `width` columns, from its start; read only as far as they fit (a line may be 10 MB). */
function fitting(text: string, width: number): string {
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    used += widthOf(segment);
    if (used > width) break;
    kept += segment;
  }
  return kept;
}

/** The graphemes of `text` that fit in `width` columns, from its end: only a tail of the text is segmented, longer if need be. */
function fittingEnd(text: string, width: number): string {
  for (let tail = (width + 1) * 4; ; tail *= 2) {
    const start = Math.max(text.length - tail, 0);
    const segments = [...graphemes.segment(text.slice(start))].map(({ segment }) => segment);
    if (start > 0) segments.shift(); // the tail may begin inside a grapheme
    let kept = '';
    let used = 0;
    for (let i = segments.length - 1; i >= 0; i--) {
      used += widthOf(segments[i]);
      if (used > width) return kept;
      kept = segments[i] + kept;
    }
    if (start === 0) return kept;
  }
}

/** Text no wider than `width` columns: cut at its end, with an ellipsis, when it is wider (a title). */
export function cutToWidth(text: string, width: number): string {
  // no character is wider than two columns: room for twice the length needs no measuring (a pipe's lines are endless)
  if (text.length * 2 <= width || widthOf(text) <= width) return text;
  if (width < 1) return '';
  return `${fitting(text, width - 1).trimEnd()}${ELLIPSIS}`;
}

/** Text no wider than `width` columns: cut at its start, with an ellipsis, when it is wider (a path: its end names the file). */
export function cutStartToWidth(text: string, width: number): string {
  if (widthOf(text) <= width) return text;
  if (width < 1) return '';
  return `${ELLIPSIS}${fittingEnd(text, width - 1).trimStart()}`;
}

/** A section's path in `width` columns: its parents' titles (joined, '' for none) are cut first, then its own title. */
export function cutSectionPath(path: string[], width: number): { parents: string; title: string } {
  const title = path.at(-1) ?? '';
  if (path.length < 2) return { parents: '', title: cutToWidth(title, width) };
  const parents = path.slice(0, -1).join(PATH_SEPARATOR);
  // the parents keep MIN_PARENTS columns, or what is left of a narrow line after the separator and one of the title
  const parentsWidth = Math.min(
    widthOf(parents),
    Math.max(width - widthOf(title) - PATH_SEPARATOR.length, Math.min(MIN_PARENTS, width - PATH_SEPARATOR.length - 1)),
  );
  if (parentsWidth < 1) return { parents: '', title: cutToWidth(title, width) };
  const cutParents = cutToWidth(parents, parentsWidth);
  return { parents: cutParents, title: cutToWidth(title, width - widthOf(cutParents) - PATH_SEPARATOR.length) };
}

/** A section's path, joined, in `width` columns (see cutSectionPath). */
export function fitSectionPath(path: string[], width: number): string {
  const { parents, title } = cutSectionPath(path, width);
  return parents ? `${parents}${PATH_SEPARATOR}${title}` : title;
}

/** A window of a line and where the match ranges fall in it. */
export interface TextWindow {
  text: string;
  ranges: Range[];
}

/**
 * The part of `text` around its first match that fits in `width` columns, with an ellipsis at each end that was cut,
 * and `ranges` moved to where they fall in that part (a range cut through is kept in part). The text's start when the
 * match is seen there; else the match starts a third of the way in, so the words before it say what it is about.
 */
export function windowAround(text: string, ranges: Range[], width: number): TextWindow {
  if (widthOf(text) <= width) return { text, ranges };
  if (width < 3) return { text: cutToWidth(text, width), ranges: [] };
  const [first, firstEnd] = ranges[0] ?? [0, 0];
  let start = first - fittingEnd(text.slice(0, first), Math.floor(width / 3)).length;
  // a match near the end: the window ends where the text does
  start = Math.min(start, text.length - fittingEnd(text, width - 1).length);
  // the text's own start when the match shows there (one character is as wide as the ellipsis for it)
  if (start <= 1 || firstEnd <= fitting(text, width - 1).length) {
    const cut = cutToWidth(text, width);
    return { text: cut, ranges: clip(ranges, 0, cut.length - ELLIPSIS.length, 0) };
  }
  const rest = text.slice(start);
  const body = widthOf(rest) <= width - 1 ? rest : fitting(rest, width - 2);
  const window = `${ELLIPSIS}${body}${body.length < rest.length ? ELLIPSIS : ''}`;
  return { text: window, ranges: clip(ranges, start, start + body.length, ELLIPSIS.length - start) };
}

/** The ranges within `from`…`to` (a range cut through is kept in part), moved by `shift`. */
const clip = (ranges: Range[], from: number, to: number, shift: number): Range[] =>
  ranges.map(([start, end]): Range => [Math.max(start, from) + shift, Math.min(end, to) + shift]).filter(([start, end]) => start < end);

/** A styled line no wider than `width` columns: cut one column short of it, `marker` (one column) in the last. */
export function cutStyledLine(line: string, width: number, marker: string): string {
  if (widthOf(line) <= width) return line;
  let kept = sliceAnsi(line, 0, width - 1);
  // slice-ansi keeps a wide character that straddles the cut: one column less then
  if (widthOf(kept) > width - 1) kept = sliceAnsi(line, 0, width - 2);
  return `${kept}${marker}`;
}
