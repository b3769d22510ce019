// The shapes a flowchart is laid out into, in coordinates along the flow (`main`: down for TD, right for LR) and
// across it (`cross`), shared by the layout, its channels and the drawing.

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

/**
 * An edge back against the flow, drawn around the outside: out of its source's far side (right in TD, bottom in
 * LR), along a row of the channel after it to a lane beyond every box, back up the lane, along a row of the
 * channel before its target and into the target's far side.
 */
export interface BackRoute {
  from: LayoutNode;
  to: LayoutNode;
  arrowFrom: boolean;
  arrowTo: boolean;
  label?: string;
  /** Along the flow: the row (TD) or column (LR) it leaves on, and the one it arrives on. */
  leave: number;
  arrive: number;
  /** Across the flow: where it runs back. */
  lane: number;
}

export interface FlowLayout {
  /** TD and BT flow down the page; LR and RL across. */
  vertical: boolean;
  /** BT and RL: drawn mirrored along the flow. */
  reversed: boolean;
  nodes: LayoutNode[];
  routes: Route[];
  backRoutes: BackRoute[];
  mainExtent: number;
}

/** Where an edge meets a node: the middle of its side. */
export const portOf = (node: LayoutNode): number => node.cross + Math.floor(node.crossSize / 2);

/** Where a back edge runs beside a node, across the flow: clear of its far side (TD: two columns, LR: the next row). */
export const besideOf = (node: LayoutNode, vertical: boolean): number => node.cross + node.crossSize + (vertical ? 1 : 0);
