// The graph side of a flowchart's layout: edges with the flow and edges back against it, and each node's layer by
// longest path over the edges with the flow.
import type { Flowchart, FlowEdge } from './mermaid-source.js';

/** An edge as laid out; `arrowFrom`/`arrowTo` say where its arrowheads are. */
export interface RankedEdge {
  from: string;
  to: string;
  arrowFrom: boolean;
  arrowTo: boolean;
  label?: string;
}

/**
 * The edges split into those that go with the flow and those that close a cycle and go back against it (found by a
 * depth-first walk in source order); self-loops left out, repeats merged, and an edge back between two nodes
 * already joined the other way merged with that one as a two-headed edge.
 */
export function splitEdges(chart: Flowchart): { forward: RankedEdge[]; back: RankedEdge[] } {
  const next = new Map<string, FlowEdge[]>(chart.nodes.map((n) => [n.id, []]));
  for (const edge of chart.edges) if (edge.from !== edge.to) next.get(edge.from)!.push(edge);
  const closing = new Set<FlowEdge>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    for (const edge of next.get(id)!) {
      if (state.get(edge.to) === 'open') closing.add(edge);
      else if (!state.has(edge.to)) visit(edge.to);
    }
    state.set(id, 'done');
  };
  for (const node of chart.nodes) if (!state.has(node.id)) visit(node.id);
  const forward = new Map<string, RankedEdge>();
  const back = new Map<string, RankedEdge>();
  const add = (edges: Map<string, RankedEdge>, from: string, to: string, arrowFrom: boolean, arrowTo: boolean, label?: string): void => {
    const key = `${from}\u0000${to}`;
    const seen = edges.get(key);
    if (seen) Object.assign(seen, { arrowFrom: seen.arrowFrom || arrowFrom, arrowTo: seen.arrowTo || arrowTo, label: seen.label ?? label });
    else edges.set(key, { from, to, arrowFrom, arrowTo, label });
  };
  const real = chart.edges.filter((edge) => edge.from !== edge.to);
  for (const edge of real.filter((e) => !closing.has(e))) add(forward, edge.from, edge.to, edge.arrowStart, edge.arrowEnd, edge.label);
  for (const edge of real.filter((e) => closing.has(e))) {
    if (forward.has(`${edge.to}\u0000${edge.from}`)) add(forward, edge.to, edge.from, edge.arrowEnd, edge.arrowStart, edge.label);
    else add(back, edge.from, edge.to, edge.arrowStart, edge.arrowEnd, edge.label);
  }
  return { forward: [...forward.values()], back: [...back.values()] };
}

/** Each node's layer: one past the deepest node with an edge into it. */
export function layersOf(ids: string[], edges: Array<{ from: string; to: string }>): Map<string, number> {
  const layer = new Map(ids.map((id) => [id, 0]));
  const incoming = new Map(ids.map((id) => [id, 0]));
  for (const edge of edges) incoming.set(edge.to, incoming.get(edge.to)! + 1);
  const ready = ids.filter((id) => incoming.get(id) === 0);
  while (ready.length) {
    const id = ready.shift()!;
    for (const edge of edges.filter((e) => e.from === id)) {
      layer.set(edge.to, Math.max(layer.get(edge.to)!, layer.get(id)! + 1));
      incoming.set(edge.to, incoming.get(edge.to)! - 1);
      if (incoming.get(edge.to) === 0) ready.push(edge.to);
    }
  }
  return layer;
}
