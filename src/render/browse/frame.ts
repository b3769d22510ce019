// The browser's frame, line by line: the query, the list (the cursor's row marked) and the preview beside or below
// it, a status line (counts, notes) and the keys. Only what is on screen is built.
import { DIVIDER_COLUMNS, type Layout } from './layout.js';
import { keysHelpLine, type KeyHelp } from './help-line.js';
import type { Style } from '../style.js';
import { widthOf } from '../wrap.js';

export interface FrameParts {
  message: string;
  query: string;
  /** The list's rows in view, each no wider than the list less the cursor's columns. */
  rows: string[];
  /** Which of `rows` the cursor is on. */
  cursorRow: number;
  /** Items shown of all (`12/5000`). */
  count: string;
  note?: string;
  /** The preview's lines and the first in view; none while it is being rendered (or when off). */
  preview?: { lines: string[]; top: number };
  keys: KeyHelp[];
}

/** Columns the cursor (`❯ `) takes at the start of each row. */
export const CURSOR_COLUMNS = 2;
const RESET = '\u001b[0m';

const padTo = (text: string, width: number): string => `${text}${' '.repeat(Math.max(width - widthOf(text), 0))}`;

/** The frame's lines: the header (where the reader types) first. */
export function browserFrame(parts: FrameParts, layout: Layout, style: Style): string[] {
  const { list, preview } = layout;
  const listLines = Array.from({ length: list.height }, (_, index) => {
    const row = parts.rows[index];
    if (row === undefined) return '';
    return `${index === parts.cursorRow ? style.number('❯') : ' '} ${row}${RESET}`;
  });
  let body = listLines;
  if (preview) {
    const last = Math.max((parts.preview?.lines.length ?? 0) - preview.height, 0);
    const top = Math.min(parts.preview?.top ?? 0, last);
    const shown = parts.preview?.lines.slice(top, top + preview.height) ?? [];
    const previewLines = Array.from({ length: preview.height }, (_, index) => `${shown[index] ?? ''}${RESET}`);
    body =
      preview.place === 'right'
        ? listLines.map((line, index) => `${padTo(line, list.width)}${style.dim(' │ '.padEnd(DIVIDER_COLUMNS))}${previewLines[index]}`)
        : [...listLines, style.dim('─'.repeat(preview.width)), ...previewLines];
  }
  const status = [parts.count, parts.note].filter(Boolean).join('  ·  ');
  return [
    `${style.number('?')} ${style.title(parts.message)} ${parts.query}`,
    ...body.map((line) => line.trimEnd()),
    style.dim(`  ${status}`),
    keysHelpLine(parts.keys, list.width + (preview?.place === 'right' ? DIVIDER_COLUMNS + preview.width : 0), style),
  ];
}
