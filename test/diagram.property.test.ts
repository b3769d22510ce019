// Any flowchart: drawn without error, every label in a box, no line wider than the width; or a reason why not.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { drawDiagram } from '../src/render/diagram/draw.js';

const flowchart = fc
  .record({
    direction: fc.constantFrom('TD', 'LR', 'RL', 'BT'),
    labels: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 8 }),
    edges: fc.array(
      fc.record({ from: fc.nat(7), to: fc.nat(7), link: fc.constantFrom('-->', '---', '<-->', '-.->', '==>', '-- x -->', '-->|y|') }),
      { maxLength: 12 },
    ),
  })
  .map(({ direction, labels, edges }) => ({
    labels,
    source: [
      `flowchart ${direction}`,
      ...edges.map((e) => `  N${e.from % labels.length} ${e.link} N${e.to % labels.length}`),
      ...labels.map((label, i) => `  N${i}[${label}]`), // declared after use, as in the bundled notes
    ].join('\n'),
  }));

describe('drawDiagram', () => {
  test('property: every flowchart is drawn with all its labels, within the width, or not drawn with a reason', () => {
    fc.assert(
      fc.property(flowchart, fc.integer({ min: 20, max: 160 }), ({ labels, source }, width) => {
        const drawing = drawDiagram(source, width);
        if ('reason' in drawing) {
          expect(drawing.reason).toBe('(diagram too wide to draw)');
          return;
        }
        for (const line of drawing.lines) expect([...line].length).toBeLessThanOrEqual(width);
        const text = drawing.lines.join('\n');
        for (const label of labels) expect(text).toMatch(new RegExp(`[│├┤] +${label} +[│├┤]`));
        expect(text).not.toMatch(/│ N\d /); // never an id in a box
      }),
      { numRuns: 300 },
    );
  });
});
