// Columns: display width of styled text, wrapping to a width, and indenting wrapped lines.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

export const widthOf = (text: string): number => stringWidth(text);

/** Columns of the widest of the lines (0 for none); a loop, since spreading 100,000 lines into Math.max overflows. */
export const widest = (lines: string[]): number => lines.reduce((most, line) => Math.max(most, widthOf(line)), 0);

/**
 * Text wrapped at word boundaries to `width` columns; a word longer than that (a URL, a path) is broken across lines,
 * whole but for the line ends, since no line may be wider than the width.
 */
export function wrapText(text: string, width: number): string[] {
  return wrapAnsi(text, Math.max(width, 1), { hard: true, trim: true, wordWrap: true }).split('\n');
}

/** Each line of `text` wider than `width` wrapped at word boundaries, its rest indented two more than it (help's lines). */
export function wrapLongLines(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (widthOf(line) <= width) return [line];
      const indent = ' '.repeat(/^ */.exec(line)![0].length);
      return indentLines(wrapText(line.trimStart(), width - indent.length - 2), indent, `${indent}  `);
    })
    .join('\n');
}

/** Lines with `first` before the first and `rest` before the others (a bullet and its hanging indent). */
export function indentLines(lines: string[], first: string, rest = ' '.repeat(widthOf(first))): string[] {
  if (lines.length === 0) return [first.trimEnd()];
  return lines.map((line, i) => {
    const prefix = i === 0 ? first : rest;
    return line === '' ? prefix.trimEnd() : prefix + line; // a blank line keeps a quote's bar, not trailing spaces
  });
}

/** Text padded with spaces to `width` columns. */
export const padTo = (text: string, width: number): string => text + ' '.repeat(Math.max(width - widthOf(text), 0));
