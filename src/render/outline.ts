// The outline `list` prints: each document's title (and file, when several), then its sections numbered and indented by depth.
import type { Collection, Section } from '../core/types.js';
import { safeText } from './safe-text.js';
import type { Style } from './style.js';

/** Who gave a talk, from its meta (the notes say Presenters, once Presenter). */
export const presentersOf = (section: Section): string | undefined => section.meta.presenters ?? section.meta.presenter;

const depthOf = (section: Section): number => (section.number ? section.number.split('.').length : 0);

/** Each page's title and file, one a line: the outline at depth 0. */
const pageLines = (collection: Collection, style: Style): string =>
  collection.documents.map((d) => `${style.title(safeText(d.title))}  ${style.dim(`(${safeText(d.file)})`)}\n`).join('');

/** The outline down to `depth` levels (0: the pages alone); tables of contents are left out. */
export function renderOutline(collection: Collection, depth: number, style: Style): string {
  if (depth === 0) return pageLines(collection, style);
  const blocks: string[] = [];
  // numbers of one depth share a column width, so titles line up (7.9 and 7.10)
  const numberWidth = new Map<number, number>();
  for (const section of collection.sections) {
    const d = depthOf(section);
    if (d > 0) numberWidth.set(d, Math.max(numberWidth.get(d) ?? 0, section.number!.length));
  }
  for (const document of collection.documents) {
    // several files: each title with its file name, so titles that repeat (README, Overview) stay apart
    const file = collection.documents.length > 1 ? `  ${style.dim(`(${safeText(document.file)})`)}` : '';
    const lines = [`${style.title(safeText(document.title))}${file}`, ''];
    for (const section of document.sections) {
      const sectionDepth = depthOf(section);
      if (sectionDepth === 0 || sectionDepth > depth) continue;
      const indent = '  '.repeat(sectionDepth - 1);
      const title = sectionDepth === 1 ? style.title(safeText(section.title)) : safeText(section.title);
      const number = section.number!.padEnd(numberWidth.get(sectionDepth)!);
      lines.push(`${indent}${style.number(number)}  ${title}`);
      const presenters = presentersOf(section);
      if (presenters) lines.push(`${indent}${' '.repeat(number.length + 2)}${style.dim(safeText(presenters))}`);
    }
    blocks.push(lines.join('\n').trimEnd()); // a file with no sections to show is its title alone
  }
  return `${blocks.join('\n\n')}\n`;
}
