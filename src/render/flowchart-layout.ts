// A flowchart laid out in layers for drawing as text: cycles broken, nodes layered by longest path, long edges
// split by dummy nodes, layers ordered by barycentre, then sizes, positions and the channels edges run in.
// Coordinates are along the flow (`main`: down for TD, right for LR) and across it (`cross`).
import { acyclicEdges, layersOf } from './flowchart-ranks.js';
import type { Flowchart } from './mermaid-source.js';
import { widthOf, wrapText } from './wrap.js';

export interface LayoutNode {
  id: string;
  /** Label lines; none for a dummy. */
  lines: string[];
  rounded: boolean;
  /** A point a long edge passes through, drawn as a line across its layer. */
  dummy: boolean;
  /** Has an edge to itself. */
  loop: boolean;
  layer: number;
  main: number;
  cross: number;
  mainSize: number;
  crossSize: number;
}

/** One layer-to-next stretch of an edge, with where it runs. */
export interface Route {
  from: LayoutNode;
  to: LayoutNode;
  arrowFrom: boolean;
  arrowTo: boolean;
  label?: string;
  /** Where the route crosses over, when its ends are not in line. */
  track?: number;
  /** Where its label's text starts, along and across. */
  labelAt?: { main: number; cross: number };
}

export interface FlowLayout {
  /** TD and BT flow down the page; LR and RL across. */
  vertical: boolean;
  /** BT and RL: drawn mirrored along the flow. */
  reversed: boolean;
  nodes: LayoutNode[];
  routes: Route[];
  mainExtent: number;
}

/** Where an edge meets a node: the middle of its side. */
export const portOf = (node: LayoutNode): number => node.cross + Math.floor(node.crossSize / 2);

const ROUND = new Set(['(', '([', '((', '(((']);

/** Orders each layer by the mean position of its neighbours in the layer before, then after, a few times over. */
function orderLayers(layers: LayoutNode[][], routes: Route[]): void {
  const neighbours = (node: LayoutNode, before: boolean): LayoutNode[] =>
    routes.filter((r) => (before ? r.to === node : r.from === node)).map((r) => (before ? r.from : r.to));
  const sortBy = (layer: LayoutNode[], adjacent: LayoutNode[], before: boolean): void => {
    const key = new Map(layer.map((node, i) => {
      const positions = neighbours(node, before).map((n) => adjacent.indexOf(n));
      return [node, positions.length ? positions.reduce((a, b) => a + b, 0) / positions.length : i];
    }));
    layer.sort((a, b) => key.get(a)! - key.get(b)!);
  };
  for (let pass = 0; pass < 4; pass++) {
    for (let l = 1; l < layers.length; l++) sortBy(layers[l], layers[l - 1], true);
    for (let l = layers.length - 2; l >= 0; l--) sortBy(layers[l], layers[l + 1], false);
  }
}

/** Lays out a flowchart; labels wider than `labelWidth` are wrapped onto more lines. */
export function layoutFlowchart(chart: Flowchart, labelWidth = Infinity): FlowLayout {
  const vertical = chart.direction === 'TD' || chart.direction === 'BT';
  const edges = acyclicEdges(chart);
  const layerOf = layersOf(chart.nodes.map((n) => n.id), edges);
  const loops = new Set(chart.edges.filter((e) => e.from === e.to).map((e) => e.from));
  const nodes = new Map<string, LayoutNode>();
  for (const node of chart.nodes) {
    const lines = node.label.split('\n').flatMap((line) => (Number.isFinite(labelWidth) ? wrapText(line, labelWidth) : [line]));
    const textWidth = Math.max(...lines.map(widthOf)) + 4;
    const textHeight = lines.length + 2;
    // a loop leaves a TD box's bottom right of its middle, so the box must be wide enough for both
    const crossSize = vertical ? Math.max(textWidth, loops.has(node.id) ? 11 : 0) : textHeight;
    nodes.set(node.id, {
      id: node.id, lines, rounded: ROUND.has(node.shape[0]), dummy: false, loop: loops.has(node.id),
      layer: layerOf.get(node.id)!, main: 0, cross: 0, mainSize: vertical ? textHeight : textWidth, crossSize,
    });
  }
  const layers: LayoutNode[][] = [];
  for (const node of nodes.values()) (layers[node.layer] ??= []).push(node);
  const routes: Route[] = [];
  for (const edge of edges) {
    let from = nodes.get(edge.from)!;
    const to = nodes.get(edge.to)!;
    for (let layer = from.layer + 1; layer <= to.layer; layer++) {
      const last = layer === to.layer;
      const step: LayoutNode = last ? to : { id: `${edge.from}→${edge.to}@${layer}`, lines: [], rounded: false, dummy: true, loop: false, layer, main: 0, cross: 0, mainSize: 0, crossSize: 1 };
      if (!last) layers[layer].push(step);
      routes.push({ from, to: step, arrowFrom: edge.arrowFrom && layer === from.layer + 1 && !from.dummy, arrowTo: edge.arrowTo && last, label: last ? edge.label : undefined });
      from = step;
    }
  }
  orderLayers(layers, routes);
  placeAcross(layers, vertical);
  alignPorts(layers, routes, vertical);
  const mainExtent = placeAlong(layers, routes, vertical);
  return { vertical, reversed: chart.direction === 'BT' || chart.direction === 'RL', nodes: layers.flat(), routes, mainExtent };
}

/** Positions across the flow: each layer's nodes side by side, every layer centred on the widest. */
function placeAcross(layers: LayoutNode[][], vertical: boolean): void {
  const extents = layers.map((layer) => {
    let cross = 0;
    for (const node of layer) {
      node.cross = cross;
      // an LR loop hangs below its box: two more rows
      cross += node.crossSize + (vertical ? 3 : 1) + (!vertical && node.loop ? 2 : 0);
    }
    return cross - (vertical ? 3 : 1);
  });
  const widest = Math.max(...extents);
  layers.forEach((layer, l) => layer.forEach((node) => (node.cross += Math.floor((widest - extents[l]) / 2))));
}

/**
 * Straightens edges: a node with a single neighbour in the layer before (then, going back up, after) moves across
 * to line its port up with that neighbour's, where the nodes beside it leave room; then all shift to start at 0.
 */
function alignPorts(layers: LayoutNode[][], routes: Route[], vertical: boolean): void {
  const gap = vertical ? 3 : 1;
  const align = (layer: LayoutNode[], before: boolean): void => {
    layer.forEach((node, i) => {
      const ports = new Set(routes.filter((r) => (before ? r.to === node : r.from === node)).map((r) => portOf(before ? r.from : r.to)));
      if (ports.size !== 1) return;
      const shift = [...ports][0] - portOf(node);
      const left = layer[i - 1];
      const right = layer[i + 1];
      const room = shift < 0 ? (left ? node.cross - (left.cross + left.crossSize + gap) : Infinity) : right ? right.cross - (node.cross + node.crossSize + gap) : Infinity;
      if (Math.abs(shift) <= room) node.cross += shift;
    });
  };
  for (let l = 1; l < layers.length; l++) align(layers[l], true);
  for (let l = layers.length - 2; l >= 0; l--) align(layers[l], false);
  const start = Math.min(...layers.flat().map((n) => n.cross));
  for (const node of layers.flat()) node.cross -= start;
}

/** Positions along the flow, with the channel between two layers sized for its tracks, labels and arrowheads. */
function placeAlong(layers: LayoutNode[][], routes: Route[], vertical: boolean): number {
  let main = 0;
  layers.forEach((layer, l) => {
    const size = Math.max(...layer.filter((n) => !n.dummy).map((n) => n.mainSize), 1);
    for (const node of layer) {
      if (node.dummy) node.mainSize = size;
      node.main = main + Math.floor((size - node.mainSize) / 2);
    }
    main += size;
    // a TD loop takes the two rows under its box, before any edge may turn
    const looped = vertical && layer.some((n) => n.loop);
    const channel = routes.filter((r) => r.from.layer === l);
    if (channel.length === 0) {
      if (looped) main += 2;
      return;
    }
    const stub = looped ? 2 : 1;
    const tracks = assignTracks(channel, main + stub);
    const labels = channel.filter((r) => r.label);
    const labelSpace = labels.length === 0 ? 0 : vertical ? 1 : Math.max(...labels.map((r) => widthOf(r.label!))) + 4;
    for (const route of labels) {
      const text = widthOf(route.label!) + 2;
      route.labelAt = vertical
        ? { main: main + stub + tracks, cross: portOf(route.to) - Math.floor(text / 2) }
        : { main: main + stub + tracks + 1, cross: portOf(route.to) };
    }
    main += stub + tracks + labelSpace + 1;
  });
  return main;
}

/**
 * Gives each route whose ends are not in line a track to cross over on. Routes that share a source (a fan-out) or
 * a target (a fan-in) share a track and join there; others get tracks of their own where they would overlap.
 */
function assignTracks(channel: Route[], firstTrack: number): number {
  const turning = channel.filter((r) => portOf(r.from) !== portOf(r.to));
  const groups = new Map<LayoutNode, Route[]>();
  for (const route of turning) {
    const fanOut = turning.filter((r) => r.from === route.from).length > 1;
    const key = fanOut ? route.from : route.to;
    groups.set(key, [...(groups.get(key) ?? []), route]);
  }
  const spans = [...groups.values()].map((group) => {
    const ports = group.flatMap((r) => [portOf(r.from), portOf(r.to)]);
    return { group, start: Math.min(...ports), end: Math.max(...ports) };
  });
  spans.sort((a, b) => a.start - b.start);
  const trackEnds: number[] = [];
  for (const span of spans) {
    let track = trackEnds.findIndex((end) => end < span.start - 1);
    if (track === -1) track = trackEnds.push(0) - 1;
    trackEnds[track] = span.end;
    for (const route of span.group) route.track = firstTrack + track;
  }
  return trackEnds.length;
}
