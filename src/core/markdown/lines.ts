// Where the lines of a text start, as marked counts lines, and a file cut at its sections' lines: without the
// parser, so that what only cuts a file (a cached search's texts) does not load it.
import type { NotesDocument } from '../types.js';

/** Offsets at which each line of `text` starts; \r\n, \r and \n all end a line, as marked reads them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // the common case, several times faster than the regular expression on a large file
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/**
 * The file cut into non-overlapping pieces: the text before the first section, then each section from its heading
 * up to the next heading of any level. Joined, they are the file.
 */
export function sectionSlices(document: NotesDocument, text = document.text): string[] {
  const starts = lineStarts(text);
  const cuts = document.sections.map((s) => starts[s.line - 1]);
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(0, -1).map((from, i) => text.slice(from, bounds[i + 1]));
}
