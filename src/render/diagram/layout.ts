// A flowchart laid out in layers for drawing as text: edges back against the flow set apart, nodes layered by
// longest path, long edges split by dummy nodes, layers ordered by barycentre, then sizes and positions.
import { placeAlong, placeLanes } from './channels.js';
import { portOf, type BackRoute, type FlowLayout, type LayoutNode, type Route } from './geometry.js';
import { layersOf, splitEdges } from './ranks.js';
import type { Flowchart } from './mermaid-source.js';
import { widthOf, wrapText } from '../wrap.js';

const ROUND = new Set(['(', '([', '((', '(((']);

/** Orders each layer by the mean position of its neighbours in the layer before, then after, a few times over. */
function orderLayers(layers: LayoutNode[][], routes: Route[]): void {
  const neighbours = (node: LayoutNode, before: boolean): LayoutNode[] =>
    routes.filter((r) => (before ? r.to === node : r.from === node)).map((r) => (before ? r.from : r.to));
  const sortBy = (layer: LayoutNode[], adjacent: LayoutNode[], before: boolean): void => {
    const key = new Map(
      layer.map((node, i) => {
        const positions = neighbours(node, before).map((n) => adjacent.indexOf(n));
        return [node, positions.length ? positions.reduce((a, b) => a + b, 0) / positions.length : i];
      }),
    );
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
  const { forward: edges, back } = splitEdges(chart);
  const layerOf = layersOf(
    chart.nodes.map((n) => n.id),
    edges,
  );
  const loops = new Set(chart.edges.filter((e) => e.from === e.to).map((e) => e.from));
  const nodes = new Map<string, LayoutNode>();
  for (const node of chart.nodes) {
    const lines = node.label.split('\n').flatMap((line) => (Number.isFinite(labelWidth) ? wrapText(line, labelWidth) : [line]));
    const textWidth = Math.max(...lines.map(widthOf)) + 4;
    const textHeight = lines.length + 2;
    // a loop leaves a TD box's bottom right of its middle, so the box must be wide enough for both
    const crossSize = vertical ? Math.max(textWidth, loops.has(node.id) ? 11 : 0) : textHeight;
    nodes.set(node.id, {
      id: node.id,
      lines,
      rounded: ROUND.has(node.shape[0]),
      dummy: false,
      loop: loops.has(node.id),
      layer: layerOf.get(node.id)!,
      main: 0,
      cross: 0,
      mainSize: vertical ? textHeight : textWidth,
      crossSize,
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
      const step: LayoutNode = last
        ? to
        : {
            id: `${edge.from}→${edge.to}@${layer}`,
            lines: [],
            rounded: false,
            dummy: true,
            loop: false,
            layer,
            main: 0,
            cross: 0,
            mainSize: 0,
            crossSize: 1,
          };
      if (!last) layers[layer].push(step);
      routes.push({
        from,
        to: step,
        arrowFrom: edge.arrowFrom && layer === from.layer + 1 && !from.dummy,
        arrowTo: edge.arrowTo && last,
        label: last ? edge.label : undefined,
      });
      from = step;
    }
  }
  const backRoutes: BackRoute[] = back.map((edge) => ({
    ...edge,
    from: nodes.get(edge.from)!,
    to: nodes.get(edge.to)!,
    leave: 0,
    arrive: 0,
    lane: 0,
  }));
  orderLayers(layers, routes);
  placeAcross(layers, vertical, new Set(backRoutes.flatMap((b) => [b.from, b.to])));
  alignPorts(layers, routes, vertical);
  const mainExtent = placeAlong(layers, routes, backRoutes, vertical);
  placeLanes(backRoutes, layers.flat(), vertical);
  return { vertical, reversed: chart.direction === 'BT' || chart.direction === 'RL', nodes: layers.flat(), routes, backRoutes, mainExtent };
}

/** Positions across the flow: each layer's nodes side by side, every layer centred on the widest. */
function placeAcross(layers: LayoutNode[][], vertical: boolean, besideBack: Set<LayoutNode>): void {
  const extents = layers.map((layer) => {
    let cross = 0;
    for (const node of layer) {
      node.cross = cross;
      // in LR a loop hangs below its box (two more rows) and a back edge runs under it (one more)
      cross += node.crossSize + (vertical ? 3 : 1) + (!vertical && node.loop ? 2 : 0) + (!vertical && besideBack.has(node) ? 1 : 0);
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
      const room =
        shift < 0
          ? left
            ? node.cross - (left.cross + left.crossSize + gap)
            : Infinity
          : right
            ? right.cross - (node.cross + node.crossSize + gap)
            : Infinity;
      if (Math.abs(shift) <= room) node.cross += shift;
    });
  };
  for (let l = 1; l < layers.length; l++) align(layers[l], true);
  for (let l = layers.length - 2; l >= 0; l--) align(layers[l], false);
  const start = Math.min(...layers.flat().map((n) => n.cross));
  for (const node of layers.flat()) node.cross -= start;
}
