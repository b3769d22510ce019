// Mermaid flowchart source → nodes and edges, and back to source with every label declared before it is used.
// The terminal draws from the model; an HTML export can hand the normalised source to mermaid.js.

export type Direction = 'TD' | 'LR' | 'BT' | 'RL';

export interface FlowNode {
  id: string;
  /** The label's text, lines split at `<br>`; the id when the source never labels the node. */
  label: string;
  /** The shape's opening and closing delimiters as written (`[` `]`, `(` `)`, `{` `}` …). */
  shape: [string, string];
}

export type LineStyle = 'solid' | 'dotted' | 'thick';

export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
  arrowStart: boolean;
  arrowEnd: boolean;
  line: LineStyle;
}

export interface Flowchart {
  direction: Direction;
  /** In order of first appearance. */
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Source the parser cannot read, with the reason in words. */
export class MermaidSyntaxError extends Error {}

const HEADER = /^(?:flowchart|graph)(?:\s+(TD|TB|LR|RL|BT))?\s*;?\s*$/i;
const IGNORED = /^(?:classDef|class|style|linkStyle|click|direction|accTitle|accDescr|subgraph|end)\b/;
const NODE_ID = /[\p{L}\p{N}_]+(?:-(?=[\p{L}\p{N}_])[\p{L}\p{N}_]+)*/uy;
// delimiters longest first, so `((` is not read as `(` with a label starting with `(`
const SHAPES: Array<[string, string[]]> = [
  ['(((', [')))']],
  ['((', ['))']],
  ['([', ['])']],
  ['[[', [']]']],
  ['[(', [')]']],
  ['{{', ['}}']],
  ['[/', ['/]', '\\]']],
  ['[\\', ['\\]', '/]']],
  ['(', [')']],
  ['[', [']']],
  ['{', ['}']],
  ['>', [']']],
];
const CLASS_SUFFIX = /:::[\w-]+/y;
const SPACE = /\s*/y;
// a link without text: `-->` `---` `<-->` `==>` `-.->` `--x` …, then maybe `|text|`
const LINK = /([<xo]?)(-{2,}[->xo]|={2,}[=>xo]|-?\.+-[>xo]?)(?:\s*\|([^|]*)\|)?/y;
// a link with text between its halves: `-- text -->`, `<-- "text" -->`, `== text ==>`, `-. text .->`
const TEXT_LINK = /([<xo]?)(?:--\s*(.*?)\s*(-{2,}[->xo])|==\s*(.*?)\s*(={2,}[=>xo])|-\.\s*(.*?)\s*(\.+-[>xo]?))/y;

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** A label as a reader sees it: quotes and Markdown-string backticks removed, `<br>` a line break, other tags dropped. */
export function labelText(raw: string): string {
  let text = raw.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  if (text.length >= 2 && text.startsWith('`') && text.endsWith('`')) text = text.slice(1, -1);
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/#quot;/g, '"')
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
}

interface Reader {
  text: string;
  at: number;
}

/** `id`, `id[label]`, `id("label")` … at the reader's position; the node is declared (or relabelled) in `nodes`. */
function readNode(reader: Reader, nodes: Map<string, FlowNode>): string {
  const id = matchAt(NODE_ID, reader.text, reader.at);
  if (!id) throw new MermaidSyntaxError(`expected a node at "${reader.text.slice(reader.at, reader.at + 20)}"`);
  reader.at += id[0].length;
  const node = nodes.get(id[0]) ?? { id: id[0], label: id[0], shape: ['[', ']'] };
  nodes.set(node.id, node);
  const shape = SHAPES.find(([open]) => reader.text.startsWith(open, reader.at));
  if (shape) {
    const [open, closes] = shape;
    const start = reader.at + open.length;
    // a quoted label may hold the closing delimiter; an unquoted one ends at the first closing delimiter
    const quoted = reader.text[start] === '"' ? reader.text.indexOf('"', start + 1) : -1;
    const from = quoted === -1 ? start : quoted + 1;
    const ends = closes.map((close) => ({ close, at: reader.text.indexOf(close, from) })).filter((end) => end.at !== -1);
    if (ends.length === 0) throw new MermaidSyntaxError(`node ${node.id}: "${open}" is never closed`);
    const end = ends.reduce((a, b) => (b.at < a.at ? b : a));
    node.label = labelText(reader.text.slice(start, end.at));
    node.shape = [open, end.close];
    reader.at = end.at + end.close.length;
  }
  const suffix = matchAt(CLASS_SUFFIX, reader.text, reader.at);
  if (suffix) reader.at += suffix[0].length;
  return node.id;
}

/** `A & B` at the reader's position. */
function readNodeGroup(reader: Reader, nodes: Map<string, FlowNode>): string[] {
  const group = [readNode(reader, nodes)];
  for (;;) {
    const amp = /\s*&\s*/y;
    if (!matchAt(amp, reader.text, reader.at)) return group;
    reader.at = amp.lastIndex;
    group.push(readNode(reader, nodes));
  }
}

const lineStyleOf = (link: string): LineStyle => (link.includes('=') ? 'thick' : link.includes('.') ? 'dotted' : 'solid');

type LinkShape = Omit<FlowEdge, 'from' | 'to'>;

function readLink(reader: Reader): LinkShape | undefined {
  const plain = matchAt(LINK, reader.text, reader.at);
  const match = plain ?? matchAt(TEXT_LINK, reader.text, reader.at);
  if (!match) return undefined;
  reader.at += match[0].length;
  const [, start] = match;
  const end = plain ? match[2] : (match[3] ?? match[5] ?? match[7]);
  const label = plain ? match[3] : (match[2] ?? match[4] ?? match[6]);
  return {
    ...(label?.trim() ? { label: labelText(label) } : {}),
    arrowStart: start !== '',
    arrowEnd: /[>xo]$/.test(end),
    line: lineStyleOf(end),
  };
}

/** One statement: a chain of node groups joined by links (`A --> B & C -- x --> D`). */
function readStatement(text: string, nodes: Map<string, FlowNode>, edges: FlowEdge[]): void {
  const reader = { text, at: 0 };
  let from = readNodeGroup(reader, nodes);
  for (;;) {
    reader.at = matchAt(SPACE, text, reader.at) ? SPACE.lastIndex : reader.at;
    if (reader.at >= text.length) return;
    const link = readLink(reader);
    if (!link) throw new MermaidSyntaxError(`cannot read "${text.slice(reader.at, reader.at + 20)}"`);
    reader.at = matchAt(SPACE, text, reader.at) ? SPACE.lastIndex : reader.at;
    const to = readNodeGroup(reader, nodes);
    for (const source of from) for (const target of to) edges.push({ from: source, to: target, ...link });
    from = to;
  }
}

/** Parses a flowchart; any other kind of diagram, or a line it cannot read, is a MermaidSyntaxError. */
export function parseFlowchart(source: string): Flowchart {
  const statements = source
    .split(/\r?\n/)
    .map((line) => line.replace(/%%.*$/, '').trim())
    .flatMap((line) => line.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)) // `;` separates statements, except inside quotes
    .map((statement) => statement.trim())
    .filter((line) => line !== '');
  const header = HEADER.exec(statements[0] ?? '');
  if (!header) throw new MermaidSyntaxError(`"${(statements[0] ?? '').split(/\s/)[0]}" is not a flowchart`);
  const direction = (header[1] ?? 'TD').toUpperCase().replace('TB', 'TD') as Direction;
  const nodes = new Map<string, FlowNode>();
  const edges: FlowEdge[] = [];
  for (const statement of statements.slice(1)) {
    if (!IGNORED.test(statement)) readStatement(statement, nodes, edges);
  }
  return { direction, nodes: [...nodes.values()], edges };
}

// per line style: arrow, open link, then a labelled link's opening, arrow close and open close
const LINK_SOURCE: Record<LineStyle, [string, string, string, string, string]> = {
  solid: ['-->', '---', '--', '-->', '---'],
  dotted: ['-.->', '-.-', '-.', '.->', '.-'],
  thick: ['==>', '===', '==', '==>', '==='],
};

const quote = (label: string): string => `"${label.replace(/"/g, '#quot;').replace(/\n/g, '<br>')}"`;

/**
 * The flowchart as source again, every node declared with its label before the first edge, so that a renderer that
 * reads labels only where a node first appears (beautiful-mermaid's did) shows labels, never ids.
 */
export function normaliseFlowchart(source: string): string {
  const chart = parseFlowchart(source);
  const lines = [`flowchart ${chart.direction}`];
  for (const node of chart.nodes) lines.push(`    ${node.id}${node.shape[0]}${quote(node.label)}${node.shape[1]}`);
  for (const edge of chart.edges) {
    const [arrow, open, labelOpen, labelArrow, labelClose] = LINK_SOURCE[edge.line];
    const start = edge.arrowStart ? '<' : '';
    const link = edge.label
      ? `${start}${labelOpen} ${quote(edge.label)} ${edge.arrowEnd ? labelArrow : labelClose}`
      : `${start}${edge.arrowEnd ? arrow : open}`;
    lines.push(`    ${edge.from} ${link} ${edge.to}`);
  }
  return `${lines.join('\n')}\n`;
}
