// The help prepared at build time: each width's text found again, every different text kept once, and a file that
// is not one prepareHelp wrote is no help at all (the entry then leaves the help to commander).
import { describe, expect, test } from '@jest/globals';
import { prepareHelp, preparedHelpAt } from '../src/program/prepared.js';

/** A help whose one long line wraps at the width, as commander's does: the same text from width 38 on. */
const helpAt = (width: number): string => {
  const words = 'Read, search and export Markdown notes'.split(' ');
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return `Usage: kn\n${lines.join('\n')}\n`;
};

describe('prepared help', () => {
  const file = prepareHelp(helpAt, 10, 10_000);

  test('every width gets the text the help has at that width', () => {
    for (const width of [10, 11, 17, 29, 37, 38, 39, 80, 500, 10_000])
      expect([width, preparedHelpAt(file, width)]).toEqual([width, helpAt(width)]);
  });

  test('stops at the width from which nothing wraps, and keeps each different text once', () => {
    const header = JSON.parse(file.slice(0, file.indexOf('\n'))) as { index: number[]; ends: number[] };
    expect(header.index.length).toBe(38 - 10 + 1);
    const distinct = new Set(Array.from({ length: 40 }, (_, i) => helpAt(10 + i)));
    expect(header.ends).toHaveLength(distinct.size);
  });

  test('a file that is not a prepared help, or a width below its first, gives none', () => {
    for (const broken of ['', 'help', '{"from":10}\nUsage', '{"from":10,"index":[0],"ends":[99]}\nUsage', `x${file}`]) {
      expect([broken.slice(0, 20), preparedHelpAt(broken, 80)]).toEqual([broken.slice(0, 20), undefined]);
    }
    expect(preparedHelpAt(file, 9)).toBeUndefined();
  });
});
