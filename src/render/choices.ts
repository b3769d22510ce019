// The browser's choices as the reader sees them: one line each, cut with an ellipsis to the terminal's width.
import { placeOf, type Hit } from '../core/search.js';
import type { Section } from '../core/types.js';
import { cutSectionPath, cutToWidth, PATH_SEPARATOR } from './fit.js';
import { printable } from './safe-text.js';
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

const GAP = '  ';
/** Presenters are left out when fewer columns than this are left for them. */
const MIN_PRESENTERS = 10;
/** The most of the line a hit's `talk › label` takes when the hit's text needs the room. */
const WHERE_SHARE = 0.4;

/** A path in `width` columns, its parents' titles dimmed. */
function cutPath(path: string[], width: number, style: Style): string {
  const { parents, title } = cutSectionPath(path, width);
  return `${parents && style.dim(`${parents}${PATH_SEPARATOR}`)}${title}`;
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
