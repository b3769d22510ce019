// The browser's choices as the reader sees them: one line each, cut with an ellipsis to the terminal's width.
import { placeOf, type Hit } from '../core/search.js';
import { PATH_SEPARATOR, pathText, type TitleMatch } from '../core/title-filter.js';
import type { Section } from '../core/types.js';
import { printable, safeText } from './safe-text.js';
import { presentersOf } from './outline.js';
import type { Style } from './style.js';
import { widthOf } from './wrap.js';

/** One line of the picker and what picking it gives (the shape inquirer's search prompt takes). */
export interface Choice<T> {
  name: string;
  value: T;
}

export interface LabelOptions {
  /** Columns the line may fill. */
  width: number;
  style: Style;
}

const ELLIPSIS = '…';
const GAP = '  ';
/** Columns the parents' titles keep when a path is cut, so the reader still sees which talk a section is in. */
const MIN_PARENTS = 12;
/** Presenters are left out when fewer columns than this are left for them. */
const MIN_PRESENTERS = 10;
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

/** A section's line: its outline number, its path, and for a talk its presenters, dimmed. */
export function sectionLabel(section: Section, numberWidth: number, { width, style }: LabelOptions): string {
  const number = (section.number ?? '').padEnd(numberWidth);
  const room = width - number.length - GAP.length;
  const path = cutPath(section.path.map(printable), room, style);
  const label = `${style.number(number)}${GAP}${section.path.length === 1 ? style.title(path) : path}`;
  const presenters = presentersOf(section);
  const left = room - widthOf(path) - GAP.length;
  if (!presenters || left < MIN_PRESENTERS) return label;
  return `${label}${GAP}${style.dim(cutToWidth(printable(presenters), left))}`;
}

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

/** The sections as choices, numbers padded to `numberWidth`. */
export const sectionChoices = (sections: Section[], numberWidth: number, options: LabelOptions): Choice<Section>[] =>
  sections.map((section) => ({ name: sectionLabel(section, numberWidth, options), value: section }));

/** The hits as choices, in their rank order. */
export const hitChoices = (hits: Hit[], options: LabelOptions): Choice<Hit>[] => hits.map((hit) => ({ name: hitLabel(hit, options), value: hit }));

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

/** `text` with the characters at `marks` (string indexes) in the match style, and those before `dimUntil` dimmed. */
function markText(text: string, marks: ReadonlySet<number>, dimUntil: number, style: Style): string {
  let out = '';
  let index = 0;
  for (const { segment } of graphemes.segment(text)) {
    const plain = safeText(segment).replace(/\s/g, ' '); // per character, so the marks' indexes still hold
    out += marks.has(index) ? style.match(plain) : index < dimUntil ? style.dim(plain) : plain;
    index += segment.length;
  }
  return out;
}

/**
 * A row of the browser's title list: the section's number, its path (parents dimmed, matched characters marked),
 * and — dim, cut from the left — its page and file, so rows of one title in many files read apart.
 */
export function sectionRow({ section, marks }: TitleMatch, place: string, numberWidth: number, { width, style }: LabelOptions): string {
  const number = (section.number ?? '').padEnd(numberWidth);
  const path = pathText(section);
  const room = width - number.length - GAP.length;
  const placeWidth = Math.min(widthOf(place), Math.max(room - GAP.length - widthOf(path), Math.floor(room * WHERE_SHARE)));
  const pathWidth = room - (placeWidth > 0 ? GAP.length + placeWidth : 0);
  const shown = cutToWidth(path, pathWidth);
  const cut = shown === path ? path : shown.slice(0, -ELLIPSIS.length);
  const parentsEnd = section.path.length > 1 ? path.lastIndexOf(PATH_SEPARATOR) + PATH_SEPARATOR.length : 0;
  const marked = markText(cut, new Set(marks), parentsEnd, style) + (cut === path ? '' : ELLIPSIS);
  const title = section.path.length === 1 ? style.title(marked) : marked;
  const padding = ' '.repeat(Math.max(pathWidth - widthOf(shown), 0));
  return `${style.number(number)}${GAP}${title}${placeWidth > 0 ? `${padding}${GAP}${style.dim(cutFromLeft(place, placeWidth))}` : ''}`;
}
