// Mermaid flowcharts drawn with box-drawing characters: boxes with their labels, lines, arrowheads, edge labels
// and loops; a diagram that cannot be read, or is wider than the screen even with wrapped labels, is not drawn.
import { besideOf, portOf, type BackRoute, type FlowLayout, type LayoutNode } from './geometry.js';
import { layoutFlowchart } from './layout.js';
import { MermaidSyntaxError, parseFlowchart, type Flowchart } from './mermaid-source.js';
import type { DiagramDrawer } from '../terminal/render-context.js';
import { TextCanvas, type Heading } from './text-canvas.js';
import { widthOf } from '../wrap.js';

/** Label widths to try, widest first, until the drawing fits. */
const LABEL_WIDTHS = [Infinity, 30, 20, 12];

/** Draws a laid-out flowchart onto a canvas, mirroring along the flow for BT and RL. */
function drawLayout(layout: FlowLayout): TextCanvas {
  const canvas = new TextCanvas();
  const flip = (main: number): number => (layout.reversed ? layout.mainExtent - 1 - main : main);
  const at = (main: number, cross: number) => (layout.vertical ? { x: cross, y: flip(main) } : { x: flip(main), y: cross });
  const line = (m1: number, c1: number, m2: number, c2: number): void => {
    const [a, b] = [at(m1, c1), at(m2, c2)];
    canvas.line(a.x, a.y, b.x, b.y);
  };
  /** An arrowhead at (main, cross), pointing away from the cell (fromMain, fromCross). */
  const arrow = (main: number, cross: number, fromMain: number, fromCross: number): void => {
    const [a, b] = [at(main, cross), at(fromMain, fromCross)];
    const heading: Heading = a.y > b.y ? 'down' : a.y < b.y ? 'up' : a.x > b.x ? 'right' : 'left';
    canvas.arrow(a.x, a.y, heading);
  };
  /** Text read left to right from (main, cross); in RL it is placed by its far end, so it still reads forwards. */
  const text = (main: number, cross: number, value: string): void => {
    const length = widthOf(value);
    const start = layout.vertical ? at(main, cross) : at(layout.reversed ? main + length - 1 : main, cross);
    canvas.text(start.x, start.y, value);
  };

  for (const node of layout.nodes) {
    if (node.dummy) line(node.main, node.cross, node.main + node.mainSize - 1, node.cross);
    else drawBox(canvas, node, at);
  }
  for (const route of layout.routes) {
    const [fromCross, toCross] = [portOf(route.from), portOf(route.to)];
    const fromMain = route.from.main + route.from.mainSize - 1;
    const toMain = route.to.main;
    // a line ends next to a box where an arrowhead is, so the box's side stays straight there
    const start = route.arrowFrom ? fromMain + 1 : fromMain;
    const end = route.arrowTo ? toMain - 1 : toMain;
    if (route.track === undefined) line(start, fromCross, end, toCross);
    else {
      line(start, fromCross, route.track, fromCross);
      line(route.track, fromCross, route.track, toCross);
      line(route.track, toCross, end, toCross);
    }
    if (route.arrowTo) arrow(toMain - 1, toCross, toMain - 2, toCross);
    if (route.arrowFrom) arrow(fromMain + 1, fromCross, fromMain + 2, fromCross);
    if (route.label && route.labelAt) text(route.labelAt.main, route.labelAt.cross, ` ${route.label.replace(/\n/g, ' ')} `);
  }
  for (const node of layout.nodes.filter((n) => n.loop)) drawLoop(node, layout, line, arrow);
  for (const route of layout.backRoutes) drawBackRoute(route, layout.vertical, line, arrow, text);
  return canvas;
}

type Draw = (m1: number, c1: number, m2: number, c2: number) => void;
type Arrow = (main: number, cross: number, fromMain: number, fromCross: number) => void;

/** A back edge around the outside (see BackRoute); its label on the first stretch that runs across the page. */
function drawBackRoute(
  route: BackRoute,
  vertical: boolean,
  line: Draw,
  arrow: Arrow,
  text: (main: number, cross: number, value: string) => void,
): void {
  const middle = (node: LayoutNode): number => node.main + Math.floor(node.mainSize / 2);
  const side = (node: LayoutNode): number => node.cross + node.crossSize - 1;
  const [from, to] = [route.from, route.to];
  const points: Array<[number, number]> = [
    [middle(from), side(from)],
    [middle(from), besideOf(from, vertical)],
    [route.leave, besideOf(from, vertical)],
    [route.leave, route.lane],
    [route.arrive, route.lane],
    [route.arrive, besideOf(to, vertical)],
    [middle(to), besideOf(to, vertical)],
    [middle(to), side(to)],
  ];
  // an arrowhead stands in the cell next to the box, so the box's side stays straight there
  if (route.arrowFrom) points[0] = [middle(from), side(from) + 1];
  if (route.arrowTo) points[7] = [middle(to), side(to) + 1];
  for (let i = 1; i < points.length; i++) line(...points[i - 1], ...points[i]);
  if (route.arrowFrom) arrow(...points[0], middle(from), side(from) + 2);
  if (route.arrowTo) arrow(...points[7], middle(to), side(to) + 2);
  if (!route.label) return;
  const label = ` ${route.label.replace(/\n/g, ' ')} `;
  if (vertical) text(route.leave, besideOf(from, vertical) + 2, label);
  else
    text(
      Math.min(route.leave, route.arrive) + Math.max(Math.floor((Math.abs(route.leave - route.arrive) - widthOf(label)) / 2), 1),
      route.lane,
      label,
    );
}

function drawBox(canvas: TextCanvas, node: LayoutNode, at: (main: number, cross: number) => { x: number; y: number }): void {
  const [a, b] = [at(node.main, node.cross), at(node.main + node.mainSize - 1, node.cross + node.crossSize - 1)];
  const [x, y] = [Math.min(a.x, b.x), Math.min(a.y, b.y)];
  const [width, height] = [Math.abs(a.x - b.x) + 1, Math.abs(a.y - b.y) + 1];
  canvas.rectangle(x, y, width, height, node.rounded);
  const top = y + Math.floor((height - node.lines.length) / 2);
  node.lines.forEach((label, i) => canvas.text(x + Math.floor((width - widthOf(label)) / 2), top + i, label));
}

/** An edge from a node to itself: a small loop under the box (TD: right of the middle; LR: along the bottom). */
function drawLoop(node: LayoutNode, layout: FlowLayout, line: Draw, arrow: Arrow): void {
  if (layout.vertical) {
    const side = node.main + node.mainSize - 1;
    const [a, b] = [portOf(node) + 2, node.cross + node.crossSize - 2];
    line(side, a, side + 2, a);
    line(side + 2, a, side + 2, b);
    line(side + 2, b, side + 1, b);
    arrow(side + 1, b, side + 2, b);
  } else {
    const side = node.cross + node.crossSize - 1;
    const [a, b] = [node.main + 1, node.main + node.mainSize - 2];
    line(a, side, a, side + 2);
    line(a, side + 2, b, side + 2);
    line(b, side + 2, b, side + 1);
    arrow(b, side + 1, b, side + 2);
  }
}

/** The flowchart drawn, labels wrapped as much as needed to fit `width`; undefined when it cannot fit. */
export function drawFlowchart(chart: Flowchart, width: number): string[] | undefined {
  for (const labelWidth of LABEL_WIDTHS) {
    const canvas = drawLayout(layoutFlowchart(chart, labelWidth));
    if (canvas.width <= width) return canvas.toLines();
  }
  return undefined;
}

export const drawDiagram: DiagramDrawer = (source, width) => {
  let chart: Flowchart;
  try {
    chart = parseFlowchart(source);
  } catch (error) {
    if (error instanceof MermaidSyntaxError) return { reason: `(diagram not drawn: ${error.message})` };
    throw error;
  }
  if (chart.nodes.length === 0) return { reason: '(diagram not drawn: it has no nodes)' };
  const lines = drawFlowchart(chart, width);
  return lines ? { lines } : { reason: '(diagram too wide to draw)' };
};
