// Flowchart source → nodes and edges, and back with labels declared first.
import { describe, expect, test } from '@jest/globals';
import { MermaidSyntaxError, normaliseFlowchart, parseFlowchart } from '../src/render/diagram/mermaid-source.js';

const edgesOf = (source: string) =>
  parseFlowchart(source).edges.map(
    (e) => `${e.from}${e.arrowStart ? '<' : '-'}${e.line[0]}${e.arrowEnd ? '>' : '-'}${e.to}${e.label ? `:${e.label}` : ''}`,
  );

describe('parseFlowchart', () => {
  test.each([
    ['flowchart TD', 'TD'],
    ['flowchart TB', 'TD'],
    ['graph LR', 'LR'],
    ['flowchart RL', 'RL'],
    ['graph BT', 'BT'],
    ['graph', 'TD'],
  ])('%s flows %s', (header, direction) => {
    expect(parseFlowchart(`${header}\n  A --> B`).direction).toBe(direction);
  });

  test('every kind of link: arrows, open lines, both ends, dotted and thick, with and without text', () => {
    const source =
      'graph LR\nA --> B\nB --- C\nC <--> D\nD -.-> E\nE ==> F\nF -- yes --> G\nG -->|no| H\nH <-- "Dapr API (http/gRPC)"  --> I\nI -. maybe .-> J\nJ == sure ==> K\n';
    expect(edgesOf(source)).toEqual([
      'A-s>B',
      'B-s-C',
      'C<s>D',
      'D-d>E',
      'E-t>F',
      'F-s>G:yes',
      'G-s>H:no',
      'H<s>I:Dapr API (http/gRPC)',
      'I-d>J:maybe',
      'J-t>K:sure',
    ]);
  });

  test('chains, groups with &, self-loops and statements split by ;', () => {
    expect(edgesOf('flowchart TD\nA --> B --> C --> C\nD & E --> F; F --> A')).toEqual([
      'A-s>B',
      'B-s>C',
      'C-s>C',
      'D-s>F',
      'E-s>F',
      'F-s>A',
    ]);
  });

  test('labels declared after the edges that use them, quoted labels with parentheses, shapes', () => {
    const chart = parseFlowchart(
      'flowchart TD\n A --> B --> C --> D\n A["Discuss with SIG (Special Interest Group)"]\n B(Round)\n C{Choice}\n D[("/etc")]',
    );
    expect(chart.nodes.map((n) => [n.id, n.label, n.shape.join('')])).toEqual([
      ['A', 'Discuss with SIG (Special Interest Group)', '[]'],
      ['B', 'Round', '()'],
      ['C', 'Choice', '{}'],
      ['D', '/etc', '[()]'],
    ]);
  });

  test('<br> breaks a label; comments, styles, classes and subgraph lines are skipped', () => {
    const chart = parseFlowchart(
      'flowchart LR\n%% a comment\nsubgraph one\nA[first<br/>second]:::hot --> B\nend\nclassDef hot fill:#f00\nstyle A stroke:#333\n',
    );
    expect(chart.nodes.map((n) => n.label)).toEqual(['first\nsecond', 'B']);
    expect(chart.edges).toHaveLength(1);
  });

  test('other diagrams and unreadable lines are errors that say why', () => {
    expect(() => parseFlowchart('sequenceDiagram\n A->>B: hi')).toThrow(new MermaidSyntaxError('"sequenceDiagram" is not a flowchart'));
    expect(() => parseFlowchart('flowchart TD\n A --> ')).toThrow(MermaidSyntaxError);
    expect(() => parseFlowchart('flowchart TD\n A[unclosed --> B')).toThrow(/never closed/);
  });
});

describe('normaliseFlowchart', () => {
  test('declares every node with its label before the first edge', () => {
    const source = 'flowchart LR\n    A <-- "Dapr API (http/gRPC)"  --> B\n    A[Your application]\n    B[Dapr]\n';
    expect(normaliseFlowchart(source)).toBe(
      'flowchart LR\n    A["Your application"]\n    B["Dapr"]\n    A <-- "Dapr API (http/gRPC)" --> B\n',
    );
  });

  test('reads back as the same chart', () => {
    const source = 'graph TD\nA --> B --- C\nC -. x .-> D\nD ==> A\nB(("round")) --> E{"a #quot;b#quot;"}\n';
    expect(parseFlowchart(normaliseFlowchart(source))).toEqual(parseFlowchart(source));
  });
});
