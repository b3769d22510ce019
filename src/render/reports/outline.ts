// The outline `list` prints: each document's title (and file, when several), then its sections numbered and indented by depth.
import type { Collection, NotesDocument, Section } from '../../core/types.js';
import { cutStartToWidth, cutToWidth } from '../fit.js';
import { escapedName, lineText } from '../safe-text.js';
import type { Style } from '../style.js';
import { widthOf } from '../wrap.js';
import { isSeveralFiles, outlineDepth } from '../../core/notes/documents.js';

/** Who gave a talk, from its meta (the notes say Presenters, once Presenter). */
export const presentersOf = (section: Section): string | undefined => section.meta.presenters ?? section.meta.presenter;

const depthOf = (section: Section): number => (section.number ? outlineDepth(section.number) : 0);

/** A file's name takes at most this share of its title's line; the title keeps the rest. */
const FILE_SHARE = 0.5;

/** A page's title, then its file dimmed when `withFile`, in `width` columns: the file cut at its start, the title at its end. */
function pageLine(document: NotesDocument, withFile: boolean, style: Style, width: number): string {
  const title = lineText(document.title);
  const fileRoom = Math.min(widthOf(escapedName(document.file)) + 4, Math.max(width - widthOf(title), Math.floor(width * FILE_SHARE)));
  const file = withFile ? `  ${style.dim(`(${cutStartToWidth(escapedName(document.file), fileRoom - 4)})`)}` : '';
  return `${style.title(cutToWidth(title, width - widthOf(file)))}${file}`;
}

/** The outline down to `depth` levels (0: the pages alone, one a line), each line cut to `width` columns; tables of contents are left out. */
export function renderOutline(collection: Collection, depth: number, style: Style, width: number): string {
  if (depth === 0) return collection.documents.map((document) => `${pageLine(document, true, style, width)}\n`).join('');
  const blocks: string[] = [];
  // numbers of one depth share a column width, so titles line up (7.9 and 7.10)
  const numberWidth = new Map<number, number>();
  for (const section of collection.sections) {
    const d = depthOf(section);
    if (d > 0) numberWidth.set(d, Math.max(numberWidth.get(d) ?? 0, section.number!.length));
  }
  for (const document of collection.documents) {
    // several files: each title with its file name, so titles that repeat (README, Overview) stay apart
    const lines = [pageLine(document, isSeveralFiles(collection), style, width), ''];
    for (const section of document.sections) {
      const sectionDepth = depthOf(section);
      if (sectionDepth === 0 || sectionDepth > depth) continue;
      const indent = '  '.repeat(sectionDepth - 1);
      const number = section.number!.padEnd(numberWidth.get(sectionDepth)!);
      const room = width - indent.length - number.length - 2;
      const title = cutToWidth(lineText(section.title), room);
      lines.push(`${indent}${style.number(number)}  ${sectionDepth === 1 ? style.title(title) : title}`);
      const presenters = presentersOf(section);
      if (presenters) lines.push(`${indent}${' '.repeat(number.length + 2)}${style.dim(cutToWidth(lineText(presenters), room))}`);
    }
    blocks.push(lines.join('\n').trimEnd()); // a file with no sections to show is its title alone
  }
  return `${blocks.join('\n\n')}\n`;
}
