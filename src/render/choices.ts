// The browser's rows as the reader sees them: one line each, cut with an ellipsis to the list's width.
import { placeOf, type Hit } from '../core/search.js';
import { PATH_SEPARATOR, pathText, type TitleMatch } from '../core/title-filter.js';
import type { Section } from '../core/types.js';
import { printable, safeText, unsafeIndexes } from './safe-text.js';
import type { Style } from './style.js';
import { widthOf } from './wrap.js';

export interface LabelOptions {
  /** Columns the line may fill. */
  width: number;
  style: Style;
}

const ELLIPSIS = '…';
const GAP = '  ';
/** Columns the parents' titles keep when a path is cut, so the reader still sees which talk a section is in. */
const MIN_PARENTS = 12;
/** Columns a row's path keeps before its page and file get any. */
const MIN_TITLE = 12;
/** The most of the line a hit's `talk › label` takes when the hit's text needs the room. */
const WHERE_SHARE = 0.4;

const graphemes = new Intl.Segmenter();

/** Text no wider than `width` columns: cut between characters, with an ellipsis, when it is wider. */
export function cutToWidth(text: string, width: number): string {
  if (widthOf(text) <= width) return text;
  if (width < 1) return '';
  let cut = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    used += widthOf(segment);
    if (used > width - 1) break;
    cut += segment;
  }
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** A path in `width` columns, its parents' titles dimmed: the parents are cut first, then the section's own title. */
function cutPath(path: string[], width: number, style: Style): string {
  const title = path.at(-1)!;
  if (path.length === 1) return cutToWidth(title, width);
  const parents = path.slice(0, -1).join(PATH_SEPARATOR);
  // the parents keep MIN_PARENTS columns, or what is left of a narrow line after the separator and one of the title
  const parentsWidth = Math.min(widthOf(parents), Math.max(width - widthOf(title) - PATH_SEPARATOR.length, Math.min(MIN_PARENTS, width - PATH_SEPARATOR.length - 1)));
  if (parentsWidth < 1) return cutToWidth(title, width);
  const cutParents = cutToWidth(parents, parentsWidth);
  return `${style.dim(`${cutParents}${PATH_SEPARATOR}`)}${cutToWidth(title, width - widthOf(cutParents) - PATH_SEPARATOR.length)}`;
}

/** The widest outline number of the sections: numbers are padded to it, so the paths line up. */
export const numberWidthOf = (sections: Section[]): number => sections.reduce((most, s) => Math.max(most, (s.number ?? '').length), 0);

/** A search hit's line: its text, then where it is (`talk › label`), dimmed; the text keeps most of the line. */
export function hitLabel(hit: Hit, { width, style }: LabelOptions): string {
  const { document } = hit;
  const text = printable(document.text);
  const talk = printable(placeOf(document).path[0]);
  const label = printable(document.label);
  const where = label === talk ? [talk] : [talk, label];
  const whereWidth = Math.min(widthOf(where.join(PATH_SEPARATOR)), Math.max(width - GAP.length - widthOf(text), Math.floor(width * WHERE_SHARE)));
  const textWidth = width - GAP.length - whereWidth;
  return `${cutToWidth(text, textWidth)}${GAP}${style.dim(cutPath(where, whereWidth, style))}`;
}

/** Text no wider than `width` columns, cut from the left with an ellipsis: a file's name outlasts its folders. */
export function cutFromLeft(text: string, width: number): string {
  if (widthOf(text) <= width) return text;
  if (width < 1) return '';
  const kept: string[] = [];
  let used = 0;
  for (const { segment } of [...graphemes.segment(text)].reverse()) {
    used += widthOf(segment);
    if (used > width - 1) break;
    kept.unshift(segment);
  }
  return `${ELLIPSIS}${kept.join('').trimStart()}`;
}

/** One character of a row: as shown (made safe), where it is in the text the marks refer to, and its columns. */
interface Cell {
  shown: string;
  index: number;
  width: number;
}

/** The text's characters as cells; the notes' escape sequences are left out whole, as safeText leaves them out. */
function cellsOf(text: string): Cell[] {
  const unsafe = unsafeIndexes(text);
  return [...graphemes.segment(text)]
    .filter(({ index }) => !unsafe.has(index))
    .map(({ segment, index }) => {
      const shown = safeText(segment).replace(/\s/g, ' ');
      return { shown, index, width: widthOf(shown) };
    });
}

/** The cells that fit in `width` columns, with an ellipsis when some are cut. */
function fitCells(cells: Cell[], width: number): { cells: Cell[]; cut: boolean } {
  const total = cells.reduce((sum, cell) => sum + cell.width, 0);
  if (total <= width) return { cells, cut: false };
  const kept: Cell[] = [];
  let used = 0;
  for (const cell of cells) {
    if (used + cell.width > width - 1) break;
    used += cell.width;
    kept.push(cell);
  }
  while (kept.at(-1)?.shown === ' ') kept.pop();
  return { cells: kept, cut: true };
}

/**
 * A row of the browser's title list: the section's number, its path (parents dimmed, matched characters marked),
 * and — dim, cut from the left — its page and file, so rows of one title in many files read apart.
 */
export function sectionRow({ section, marks }: TitleMatch, place: string, numberWidth: number, { width, style }: LabelOptions): string {
  const number = (section.number ?? '').padEnd(numberWidth);
  const path = cellsOf(pathText(section));
  const pathColumns = path.reduce((sum, cell) => sum + cell.width, 0);
  const shownPlace = printable(place);
  const room = width - number.length - GAP.length;
  // the place takes what the path leaves, or its share of the row, but never the path's first columns
  const placeShare = Math.max(room - GAP.length - pathColumns, Math.floor(room * WHERE_SHARE));
  const placeFits = Math.min(widthOf(shownPlace), placeShare, room - GAP.length - Math.min(pathColumns, MIN_TITLE));
  const placeWidth = placeFits > 0 ? placeFits : 0;
  const pathWidth = room - (placeWidth > 0 ? GAP.length + placeWidth : 0);
  const fitted = fitCells(path, pathWidth);
  const marked = new Set(marks);
  const parentsEnd = section.path.length > 1 ? pathText(section).lastIndexOf(PATH_SEPARATOR) + PATH_SEPARATOR.length : 0;
  const text = fitted.cells.map(({ shown, index }) => (marked.has(index) ? style.match(shown) : index < parentsEnd ? style.dim(shown) : shown)).join('') + (fitted.cut ? ELLIPSIS : '');
  const title = section.path.length === 1 ? style.title(text) : text;
  if (placeWidth < 1) return `${style.number(number)}${GAP}${title}`;
  const used = fitted.cells.reduce((sum, cell) => sum + cell.width, 0) + (fitted.cut ? 1 : 0);
  return `${style.number(number)}${GAP}${title}${' '.repeat(Math.max(pathWidth - used, 0))}${GAP}${style.dim(cutFromLeft(shownPlace, placeWidth))}`;
}
