// A table: columns as wide as their content, narrowed to fit the width with cells wrapped inside them.
import type { Tokens } from 'marked';
import wrapAnsi from 'wrap-ansi';
import type { RenderContext } from '../render-context.js';
import { padTo, widest, widthOf } from '../../wrap.js';

const SEPARATOR = ' │ ';

/** Column widths that fit `available`: narrow columns keep their width, the wide ones share what is left. */
export function fitColumns(natural: number[], available: number): number[] {
  const widths = [...natural];
  let over = widths.reduce((sum, w) => sum + w, 0) - available;
  while (over > 0) {
    const widest = Math.max(...widths);
    if (widest <= 1) break;
    const index = widths.indexOf(widest);
    widths[index]--;
    over--;
  }
  return widths;
}

function align(text: string, width: number, alignment: Tokens.TableCell['align']): string {
  const space = Math.max(width - widthOf(text), 0);
  if (alignment === 'right') return ' '.repeat(space) + text;
  if (alignment === 'center') return ' '.repeat(Math.floor(space / 2)) + padTo(text, width - Math.floor(space / 2));
  return padTo(text, width);
}

export function renderTable(token: Tokens.Table, context: RenderContext): string[] {
  const { paint } = context;
  const rows = [token.header, ...token.rows].map((row) => row.map((cell) => context.renderInline(cell.tokens)));
  const natural = token.header.map((_, column) => Math.max(1, widest(rows.flatMap((row) => (row[column] ?? '').split('\n')))));
  const widths = fitColumns(natural, context.width - SEPARATOR.length * (natural.length - 1));
  const border = paint('tableBorder');
  const lines: string[] = [];
  rows.forEach((row, r) => {
    const cells = widths.map((width, column) => wrapAnsi(row[column] ?? '', width, { hard: true, trim: true }).split('\n'));
    const height = cells.reduce((most, cell) => Math.max(most, cell.length), 0);
    for (let line = 0; line < height; line++) {
      const parts = cells.map((cell, column) => align(cell[line] ?? '', widths[column], token.align[column]));
      const text = parts.map((part) => (r === 0 ? paint('tableHeader')(part) : part)).join(border(SEPARATOR));
      lines.push(text.trimEnd());
    }
    if (r === 0) lines.push(border(widths.map((width) => '─'.repeat(width)).join('─┼─')));
  });
  return lines;
}
