import { describe, expect, test } from '@jest/globals';
import type { Hit } from '../src/core/query/hit.js';
import type { NotesDocument, Section } from '../src/core/types.js';
import { markRanges, renderHits } from '../src/render/reports/hits.js';
import { createStyle } from '../src/render/style.js';

const section = (number: string, path: string[]): Section => ({
  id: path.at(-1)!.toLowerCase(),
  number,
  title: path.at(-1)!,
  level: path.length + 1,
  path,
  line: 1,
  file: 'notes.md',
  meta: {},
  markdown: '',
});
const talk = section('4', ['Salesforce talk']);
const sub = section('2.5', ['Security talk', 'Takeaways']);
const notes: NotesDocument = { file: 'notes.md', title: 'Notes', meta: {}, text: '', sections: [], warnings: [] };
const hit = (s: Section, line: number, text: string, label: string, score: number): Hit => ({
  block: { section: s, document: notes, line, text, label, kind: 'item', parents: [] },
  score,
});
const wordRanges = (word: string) => (text: string) => {
  const at = text.toLowerCase().indexOf(word);
  return at === -1 ? [] : [[at, at + word.length] as [number, number]];
};

describe('renderHits', () => {
  const hits = [
    hit(talk, 357, 'Focus on improving developer experience.', 'Takeaways', 0.8),
    hit(sub, 165, 'Automate testing and scanning before merge', 'Takeaways', 0.7),
    hit(talk, 297, 'Developer experience', 'Problems', 0.6),
  ];

  test('sections in the order of their best hit, each with its number and path; hits with line and label', () => {
    expect(renderHits(hits, { style: createStyle(0), ranges: wordRanges('experience'), files: false, width: 80 })).toBe(
      [
        '4  Salesforce talk',
        '  357  Takeaways › Focus on improving developer experience.',
        '  297  Problems › Developer experience',
        '',
        '2.5  Security talk › Takeaways',
        '  165  Automate testing and scanning before merge',
        '',
      ].join('\n'),
    );
  });

  test("matched characters in the style's match colour; files named when asked", () => {
    const out = renderHits(hits.slice(0, 1), { style: createStyle(1), ranges: wordRanges('experience'), files: true, width: 80 });
    expect(out).toContain(`developer ${createStyle(1).match('experience')}.`);
    expect(out).toContain('notes.md');
  });

  test('control characters and escape sequences from the notes never reach the terminal', () => {
    const hostile = hit(talk, 1, 'evil \u001b[2Jclear\u009b31m \u0007bell\r\nnext', 'Label \u001b]0;title\u0007', 1);
    const out = renderHits([hostile], { style: createStyle(0), ranges: () => [], files: false, width: 80 });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('evil clear bell next');
  });
});

test('markRanges styles each range', () => {
  expect(
    markRanges(
      'abcdef',
      [
        [0, 1],
        [3, 5],
      ],
      (s) => `[${s}]`,
    ),
  ).toBe('[a]bc[de]f');
});
