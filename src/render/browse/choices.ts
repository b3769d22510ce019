// The browser's rows as the reader sees them: one line each, cut with an ellipsis to the list's width.
import { placeOf, type Hit } from '../../core/query/hit.js';
import { PATH_SEPARATOR, pathText, type TitleMatch } from '../../core/query/title-filter.js';
import type { Section } from '../../core/types.js';
import { cutSectionPath, cutStartToWidth, cutToWidth, ELLIPSIS, MIN_PARENTS } from '../fit.js';
import { printable, safeText, unsafeIndexes } from '../safe-text.js';
import type { Style } from '../style.js';
import { widthOf } from '../wrap.js';

export interface LabelOptions {
  /** Columns the line may fill. */
  width: number;
  style: Style;
}

const GAP = '  ';
/** The most of a title row its page and file take when the path needs the room: the section's title matters more. */
const PLACE_SHARE = 0.3;
/** Columns a row's path keeps before its page and file get any. */
const MIN_TITLE = 12;
/** The most of the line a hit's `talk › label` takes when the hit's text needs the room. */
const WHERE_SHARE = 0.4;

const graphemes = new Intl.Segmenter();

/** A path in `width` columns, its parents' titles dimmed: the parents are cut first, then the section's own title. */
function cutPath(path: string[], width: number, style: Style): string {
  const { parents, title } = cutSectionPath(path, width);
  return `${parents && style.dim(`${parents}${PATH_SEPARATOR}`)}${title}`;
}

/** The widest outline number of the sections: numbers are padded to it, so the paths line up. */
export const numberWidthOf = (sections: Section[]): number => sections.reduce((most, s) => Math.max(most, (s.number ?? '').length), 0);

/** A search hit's line: its text, then where it is (`talk › label`), dimmed; the text keeps most of the line. */
export function hitLabel(hit: Hit, { width, style }: LabelOptions): string {
  const { block } = hit;
  const text = printable(block.text);
  const talk = printable(placeOf(block).path[0]);
  const label = printable(block.label);
  const where = label === talk ? [talk] : [talk, label];
  const whereWidth = Math.min(
    widthOf(where.join(PATH_SEPARATOR)),
    Math.max(width - GAP.length - widthOf(text), Math.floor(width * WHERE_SHARE)),
  );
  const textWidth = width - GAP.length - whereWidth;
  return `${cutToWidth(text, textWidth)}${GAP}${style.dim(cutPath(where, whereWidth, style))}`;
}

/** One character of a row: as shown (made safe), where it is in the text the marks refer to, and its columns. */
interface Cell {
  shown: string;
  index: number;
  width: number;
}

// a row is drawn again at every keystroke: its characters are measured once per path (and its place once per width)
const cellCache = new Map<string, Cell[]>();
const placeCache = new Map<string, string>();

/** The text's characters as cells; the notes' escape sequences are left out whole, as safeText leaves them out. */
function cellsOf(text: string): Cell[] {
  let cells = cellCache.get(text);
  if (!cells) cellCache.set(text, (cells = measureCells(text)));
  return cells;
}

function measureCells(text: string): Cell[] {
  const unsafe = unsafeIndexes(text);
  return [...graphemes.segment(text)]
    .filter(({ index }) => !unsafe.has(index))
    .map(({ segment, index }) => {
      const shown = safeText(segment).replace(/\s/g, ' ');
      return { shown, index, width: widthOf(shown) };
    });
}

const columnsOf = (cells: Cell[]): number => cells.reduce((sum, cell) => sum + cell.width, 0);

/** The cells that fit in `width` columns, with an ellipsis when some are cut. */
function fitCells(cells: Cell[], width: number): { cells: Cell[]; cut: boolean } {
  if (columnsOf(cells) <= width) return { cells, cut: false };
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
  const text = pathText(section);
  const ownStart = section.path.length > 1 ? text.lastIndexOf(PATH_SEPARATOR) + PATH_SEPARATOR.length : 0;
  const cells = cellsOf(text);
  const pathColumns = columnsOf(cells);
  const placeColumns = widthOf(placeIn(place, Number.MAX_SAFE_INTEGER));
  const room = width - number.length - GAP.length;
  // the place takes what the path leaves, or its share of the row, but never the path's first columns
  const placeShare = Math.max(room - GAP.length - pathColumns, Math.floor(room * PLACE_SHARE));
  const placeFits = Math.min(placeColumns, placeShare, room - GAP.length - Math.min(pathColumns, MIN_TITLE));
  const placeWidth = placeFits > 0 ? placeFits : 0;
  const pathWidth = room - (placeWidth > 0 ? GAP.length + placeWidth : 0);
  const marked = new Set(marks);
  const paint = (part: Cell[], cut: boolean) =>
    part.map(({ shown, index }) => (marked.has(index) ? style.match(shown) : index < ownStart ? style.dim(shown) : shown)).join('') +
    (cut ? ELLIPSIS : '');
  // a path too long: its parents are cut first (to MIN_PARENTS columns), then the section's own title
  const own = cells.filter((cell) => cell.index >= ownStart);
  const parents = cells.filter((cell) => cell.index < ownStart - PATH_SEPARATOR.length);
  const separator = cells.filter((cell) => cell.index < ownStart && cell.index >= ownStart - PATH_SEPARATOR.length);
  let shown: string;
  let used: number;
  if (pathColumns <= pathWidth || parents.length === 0 || pathWidth < MIN_PARENTS + PATH_SEPARATOR.length + 2) {
    const fitted = fitCells(cells, pathWidth);
    [shown, used] = [paint(fitted.cells, fitted.cut), columnsOf(fitted.cells) + (fitted.cut ? 1 : 0)];
  } else {
    const ownFitted = fitCells(own, Math.min(columnsOf(own), pathWidth - PATH_SEPARATOR.length - MIN_PARENTS));
    const ownUsed = columnsOf(ownFitted.cells) + (ownFitted.cut ? 1 : 0);
    const parentsFitted = fitCells(parents, pathWidth - PATH_SEPARATOR.length - ownUsed);
    shown = paint(parentsFitted.cells, parentsFitted.cut) + paint(separator, false) + paint(ownFitted.cells, ownFitted.cut);
    used = columnsOf(parentsFitted.cells) + (parentsFitted.cut ? 1 : 0) + PATH_SEPARATOR.length + ownUsed;
  }
  const title = section.path.length === 1 ? style.title(shown) : shown;
  if (placeWidth < 1) return `${style.number(number)}${GAP}${title}`;
  return `${style.number(number)}${GAP}${title}${' '.repeat(Math.max(pathWidth - used, 0))}${GAP}${style.dim(placeIn(place, placeWidth))}`;
}

function placeIn(place: string, width: number): string {
  const key = `${width}\u0000${place}`;
  let cut = placeCache.get(key);
  if (cut === undefined) placeCache.set(key, (cut = cutStartToWidth(printable(place), width)));
  return cut;
}
