// Fitting text to a width: titles cut at the end, paths at the start, a hit's line to a window around its match.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { cutStartToWidth, cutStyledLine, cutToWidth, fitSectionPath, windowAround } from '../src/render/fit.js';
import { widthOf } from '../src/render/wrap.js';

describe('cutToWidth', () => {
  test('for every text and width: the text itself when it fits (no grapheme is wider than two columns), else cut to the width', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 0, max: 90 }), (text, width) => {
        expect(widthOf(text)).toBeLessThanOrEqual(2 * text.length);
        const cut = cutToWidth(text, width);
        if (widthOf(text) <= width) expect(cut).toBe(text);
        else expect(widthOf(cut)).toBeLessThanOrEqual(width);
      }),
    );
  });
});

describe('cutStartToWidth', () => {
  test('keeps the end of a path, which names the file', () => {
    expect(cutStartToWidth('content/en/docs/install.md', 26)).toBe('content/en/docs/install.md');
    expect(cutStartToWidth('content/en/docs/install.md', 14)).toBe('…cs/install.md');
    expect(cutStartToWidth('docs/日本語.md', 7)).toBe('…語.md');
  });
});

describe('fitSectionPath', () => {
  test("the parents are cut first, the section's own title last", () => {
    expect(fitSectionPath(['Learn About Helm and its Ecosystem', 'Helm: 3 Parts'], 34)).toBe('Learn About Helm… › Helm: 3 Parts');
    expect(fitSectionPath(['Alert'], 3)).toBe('Al…');
  });
});

describe('windowAround', () => {
  const line = 'dapr run --app-id checkout --app-port 3000 --resources-path ./components --unix-domain-socket /tmp/s';
  const at = line.indexOf('unix');

  test('a match beyond the width: … at both ends, the match a third of the way in and still marked', () => {
    const { text, ranges } = windowAround(line, [[at, at + 4]], 30);
    expect(text).toBe('…ponents --unix-domain-socket…');
    expect(ranges.map(([from, to]) => text.slice(from, to))).toEqual(['unix']);
  });

  test('a match that shows at the start: cut at the end only; near the end: cut at the start only', () => {
    expect(windowAround(line, [[5, 8]], 20).text).toBe('dapr run --app-id c…');
    expect(windowAround(line, [[line.length - 1, line.length]], 20).text).toBe('…omain-socket /tmp/s');
  });

  test("for every text, match and width: no wider than the width, the marked text is the text's", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 60 }),
        (text, a, b, width) => {
          const start = text.length ? a % text.length : 0;
          const end = Math.min(text.length, start + 1 + (b % 5));
          const window = windowAround(text, text.length ? [[start, end]] : [], width);
          expect(widthOf(window.text)).toBeLessThanOrEqual(width);
          for (const [from, to] of window.ranges) expect(text.slice(start, end)).toContain(window.text.slice(from, to));
        },
      ),
    );
  });
});

describe('cutStyledLine', () => {
  test('cut one column short of the width, the marker in the last; styles closed', () => {
    expect(cutStyledLine('\u001b[31mabcdefghij\u001b[39m', 6, '→')).toBe('\u001b[31mabcde\u001b[39m→');
    expect(cutStyledLine('short', 6, '→')).toBe('short');
  });

  test('a wide character that straddles the cut is left out', () => {
    const cut = cutStyledLine('abcd日本語', 6, '→');
    expect(cut).toBe('abcd→');
    expect(widthOf(cut)).toBeLessThanOrEqual(6);
  });
});
