// The graph side of a flowchart's layout: edges made acyclic (cycles turned around, arrowheads with them) and
// each node's layer by longest path.
import type { Flowchart, FlowEdge } from './mermaid-source.js';

/** An edge from a lower layer to a higher one; `arrowFrom`/`arrowTo` say where its arrowheads are. */
export interface RankedEdge {
  from: string;
  to: string;
  arrowFrom: boolean;
  arrowTo: boolean;
  label?: string;
}

/** Edges with cycles turned around (arrowheads too), self-loops and repeats removed. */
export function acyclicEdges(chart: Flowchart): RankedEdge[] {
  const next = new Map<string, FlowEdge[]>(chart.nodes.map((n) => [n.id, []]));
  for (const edge of chart.edges) if (edge.from !== edge.to) next.get(edge.from)!.push(edge);
  const reversed = new Set<FlowEdge>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    for (const edge of next.get(id)!) {
      if (state.get(edge.to) === 'open') reversed.add(edge);
      else if (!state.has(edge.to)) visit(edge.to);
    }
    state.set(id, 'done');
  };
  for (const node of chart.nodes) if (!state.has(node.id)) visit(node.id);
  const merged = new Map<string, RankedEdge>();
  for (const edge of chart.edges) {
    if (edge.from === edge.to) continue;
    const back = reversed.has(edge);
    const [from, to] = back ? [edge.to, edge.from] : [edge.from, edge.to];
    const key = `${from}\u0000${to}`;
    const seen = merged.get(key);
    const arrowFrom = back ? edge.arrowEnd : edge.arrowStart;
    const arrowTo = back ? edge.arrowStart : edge.arrowEnd;
    if (seen) Object.assign(seen, { arrowFrom: seen.arrowFrom || arrowFrom, arrowTo: seen.arrowTo || arrowTo, label: seen.label ?? edge.label });
    else merged.set(key, { from, to, arrowFrom, arrowTo, label: edge.label });
  }
  return [...merged.values()];
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
