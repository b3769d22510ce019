// The outline `list` prints: each document's title (and file, when several), then its sections numbered and indented by depth.
import type { Collection, NotesDocument, Section } from '../../core/types.js';
import { cutStartToWidth, cutToWidth } from '../fit.js';
import { escapedName, lineText } from '../safe-text.js';
import type { Style } from '../style.js';
import { widthOf } from '../wrap.js';
import { isSeveralFiles, outlineColumns, outlineDepth } from '../../core/notes/documents.js';

/** Who gave a talk, from a section's meta (the notes say Presenters, once Presenter). */
export const presentersOf = ({ meta }: Pick<Section, 'meta'>): string | undefined => meta.presenters ?? meta.presenter;

/** A file's name takes at most this share of its title's line; the title keeps the rest. */
const FILE_SHARE = 0.5;

/** A page's title, then its file dimmed when `withFile`, in `width` columns: the file cut at its start, the title at its end. */
function pageLine(document: NotesDocument, withFile: boolean, style: Style, width: number): string {
  const title = lineText(document.title);
  const fileRoom = Math.min(widthOf(escapedName(document.file)) + 4, Math.max(width - widthOf(title), Math.floor(width * FILE_SHARE)));
  const file = withFile ? `  ${style.dim(`(${cutStartToWidth(escapedName(document.file), fileRoom - 4)})`)}` : '';
  return `${style.title(cutToWidth(title, width - widthOf(file)))}${file}`;
}

/**
 * The outline down to `depth` levels (0: the pages alone, one a line), each line cut to `width` columns; tables of
 * contents are left out. Read from the documents' outline columns: a cached folder's sections are never made.
 */
export function renderOutline(collection: Collection, depth: number, style: Style, width: number): string {
  if (depth === 0) return collection.documents.map((document) => `${pageLine(document, true, style, width)}\n`).join('');
  const outlines = collection.documents.map(outlineColumns);
  // numbers of one depth share a column width, so titles line up (7.9 and 7.10); by index, as a folder has 10,000s
  const numberWidth: number[] = [];
  for (let d = 0; d < outlines.length; d++) {
    const { number: numbers } = outlines[d];
    for (let i = 0; i < numbers.length; i++) {
      const number = numbers[i];
      if (number === null) continue;
      const sectionDepth = outlineDepth(number);
      numberWidth[sectionDepth] = Math.max(numberWidth[sectionDepth] ?? 0, number.length);
    }
  }
  const blocks: string[] = [];
  for (let d = 0; d < outlines.length; d++) {
    const { number: numbers, title: titles, meta } = outlines[d];
    const metaOf = new Map(meta);
    // several files: each title with its file name, so titles that repeat (README, Overview) stay apart
    const lines = [pageLine(collection.documents[d], isSeveralFiles(collection), style, width), ''];
    for (let i = 0; i < numbers.length; i++) {
      const sectionDepth = numbers[i] === null ? 0 : outlineDepth(numbers[i]!);
      if (sectionDepth === 0 || sectionDepth > depth) continue;
      const indent = '  '.repeat(sectionDepth - 1);
      const number = numbers[i]!.padEnd(numberWidth[sectionDepth]);
      const room = width - indent.length - number.length - 2;
      const title = cutToWidth(lineText(titles[i]), room);
      lines.push(`${indent}${style.number(number)}  ${sectionDepth === 1 ? style.title(title) : title}`);
      const sectionMeta = metaOf.get(i);
      const presenters = sectionMeta && presentersOf({ meta: sectionMeta });
      if (presenters) lines.push(`${indent}${' '.repeat(number.length + 2)}${style.dim(cutToWidth(lineText(presenters), room))}`);
    }
    blocks.push(lines.join('\n').trimEnd()); // a file with no sections to show is its title alone
  }
  return `${blocks.join('\n\n')}\n`;
}
