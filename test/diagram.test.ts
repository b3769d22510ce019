// Flowcharts drawn as text: the bundled notes' four diagrams by their labels and box characters, then each construct.
import { describe, expect, test } from '@jest/globals';
import { Lexer, type Tokens } from 'marked';
import { readFileSync } from 'node:fs';
import { drawDiagram } from '../src/render/diagram/draw.js';
import { render } from './helpers/render.js';
import { repoPath } from './helpers/notes.js';

const bundledDiagrams = (): string[] =>
  new Lexer()
    .lex(readFileSync(repoPath('notes/kubecon-na-2022.md'), 'utf8'))
    .filter((t): t is Tokens.Code => t.type === 'code' && t.lang === 'mermaid')
    .map((t) => t.text);

/** The drawing, or the test fails with the reason it was not drawn. */
function draw(source: string, width = 100): string {
  const drawing = drawDiagram(source, width);
  if ('reason' in drawing) throw new Error(drawing.reason);
  for (const line of drawing.lines) expect(line.length).toBeLessThanOrEqual(width);
  return drawing.lines.join('\n');
}

/** The row of the drawing that holds `text`. */
const rowOf = (drawing: string, text: string): number => drawing.split('\n').findIndex((line) => line.includes(text));
const columnOf = (drawing: string, text: string): number => drawing.split('\n')[rowOf(drawing, text)].indexOf(text);

describe('the bundled diagrams', () => {
  const [dapr, ecosystem, linux, kubernetes, process] = bundledDiagrams();

  test('the notes hold five flowcharts (the linux and kubernetes stacks share a shape)', () => {
    expect(bundledDiagrams()).toHaveLength(5);
  });

  test('Dapr: two boxes side by side, a two-headed arrow with its label between them', () => {
    const drawing = draw(dapr);
    expect(drawing.split('\n')).toEqual([
      '┌──────────────────┐                          ┌──────┐',
      '│ Your application │◄─ Dapr API (http/gRPC) ─►│ Dapr │',
      '└──────────────────┘                          └──────┘',
    ]);
  });

  test.each([
    ['ecosystem', () => ecosystem, ['Configuration Management', 'Package Management', 'Binaries', 'Config', 'Operating System']],
    ['linux', () => linux, ['Chef, Puppet, Ansible, etc', 'apt, zypper, yum, etc', 'ELF Binaries', '/etc', 'GNU/Linux']],
    ['kubernetes', () => kubernetes, ['A bunch of options...', 'Helm', 'Images', 'K8s Resources', 'Kubernetes']],
  ])('%s stack: labelled boxes top down, joined by lines without arrowheads', (_name, source, labels) => {
    const drawing = draw(source());
    for (const label of labels) expect(drawing).toMatch(new RegExp(`│ ${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} │`));
    expect(drawing).not.toMatch(/[▲▼◄►]/);
    expect(drawing).not.toMatch(/│ [A-E] │/);
    const [a, b, c, d, e] = labels.map((label) => rowOf(drawing, `│ ${label} │`));
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
    expect(c).toBe(d); // binaries and config side by side
    expect(d).toBeLessThan(e);
    expect(drawing).toContain('┴'); // lines meet the boxes they join
    expect(drawing).toContain('┬');
  });

  test('the Kubernetes process: a chain top down with arrowheads, and the three Discuss steps loop on themselves', () => {
    const drawing = draw(process);
    const steps = [
      'Discuss with SIG (Special Interest Group)',
      'Open an issue, write a KEP, propose change to community',
      'Alpha',
      'Beta',
      'GA',
    ];
    const rows = steps.map((step) => rowOf(drawing, step));
    expect(rows).toEqual([...rows].sort((x, y) => x - y));
    expect(drawing.match(/│ Discuss │/g)).toHaveLength(3);
    expect(drawing.match(/▼/g)).toHaveLength(7);
    expect(drawing.match(/▲/g)).toHaveLength(3);
    expect(drawing.match(/└─┘/g)).toHaveLength(3);
  });

  test('at 60 columns the long labels wrap inside their boxes instead', () => {
    const drawing = draw(process, 58);
    expect(drawing).toContain('│ Discuss with SIG (Special │');
    expect(drawing).toContain('│      Interest Group)      │');
  });
});

describe('directions', () => {
  test('LR puts the first node left, RL right; TD puts it on top, BT at the bottom', () => {
    expect(columnOf(draw('graph LR\n A[first] --> B[second]'), 'first')).toBeLessThan(
      columnOf(draw('graph LR\n A[first] --> B[second]'), 'second'),
    );
    const rl = draw('graph RL\n A[first] --> B[second]');
    expect(columnOf(rl, 'first')).toBeGreaterThan(columnOf(rl, 'second'));
    expect(rl).toContain('◄');
    const bt = draw('graph BT\n A[first] --> B[second]');
    expect(rowOf(bt, 'first')).toBeGreaterThan(rowOf(bt, 'second'));
    expect(bt).toContain('▲');
  });
});

describe('edges', () => {
  test('arrowheads where the source has them, none on open lines', () => {
    expect(draw('graph LR\n A --> B').split('\n')[1]).toBe('│ A ├─►│ B │');
    expect(draw('graph LR\n A --- B').split('\n')[1]).toBe('│ A ├──┤ B │');
    expect(draw('graph LR\n A <--> B').split('\n')[1]).toBe('│ A │◄►│ B │');
  });

  test('labels on edges: -- text -->, -->|text|, in TD and LR', () => {
    expect(draw('graph LR\n A -- yes --> B')).toContain('─ yes ─►');
    expect(draw('graph TD\n A -->|no| B').split('\n')).toEqual(['┌───┐', '│ A │', '└─┬─┘', '  │', ' no', '  ▼', '┌───┐', '│ B │', '└───┘']);
  });

  test('an edge across layers passes the layer between', () => {
    expect(draw('graph TD\n A --> B --> C\n A --> C').split('\n')).toEqual([
      '  ┌───┐',
      '  │ A │',
      '  └─┬─┘',
      '    │',
      '  ┌─┴───┐',
      '  ▼     │',
      '┌───┐   │',
      '│ B │   │',
      '└─┬─┘   │',
      '  │     │',
      '  └─┬───┘',
      '    ▼',
      '  ┌───┐',
      '  │ C │',
      '  └───┘',
    ]);
  });

  test('an edge back against the flow goes around the outside, into the side of its target', () => {
    expect(draw('graph TD\n A[build] --> B[test] --> C[deploy]\n C -->|fail| A').split('\n')).toEqual([
      '           ┌────────┐',
      '           │        │',
      ' ┌───────┐ │        │',
      ' │ build │◄┘        │',
      ' └───┬───┘          │',
      '     │              │',
      '     ▼              │',
      ' ┌──────┐           │',
      ' │ test │           │',
      ' └───┬──┘           │',
      '     │              │',
      '     ▼              │',
      '┌────────┐          │',
      '│ deploy ├─┐        │',
      '└────────┘ │        │',
      '           │        │',
      '           └─ fail ─┘',
    ]);
    const across = draw('graph LR\n A[build] --> B[test] --> C[deploy]\n C --> A');
    expect(across.split('\n')[3]).toMatch(/^┌─+▲ +└─+┐$/); // out of deploy's bottom, back under the row, up into build
  });

  test('a fan-out splits on one line, a fan-in joins on one', () => {
    const drawing = draw('graph TD\n A --> B & C\n B & C --> D');
    expect(drawing).toContain('┌');
    expect(drawing).toContain('┘');
    expect(drawing.match(/▼/g)).toHaveLength(3); // into B, into C, and once into D where the two join
  });

  test('a self-loop in LR hangs under its box', () => {
    expect(draw('graph LR\n A[Retry] --> A').split('\n')).toEqual(['┌───────┐', '│ Retry │', '└┬──────┘', ' │     ▲', ' └─────┘']);
  });
});

describe('when a diagram is not drawn', () => {
  test('too wide even with wrapped labels: the reason, for a one-line note', () => {
    const wide = `graph LR\n${Array.from({ length: 8 }, (_, i) => `N${i}[node number ${i}] --> N${i + 1}`).join('\n')}`;
    expect(drawDiagram(wide, 60)).toEqual({ reason: '(diagram too wide to draw)' });
  });

  test('in the rendered notes: a dim note, then the code block', async () => {
    const text = await render('```mermaid\nsequenceDiagram\n  A->>B: hi\n```\n', 60);
    expect(text.split('\n')).toEqual([
      '(diagram not drawn: "sequenceDiagram" is not a flowchart)',
      '    sequenceDiagram',
      '      A->>B: hi',
      '',
    ]);
  });
});
