// The channels between a flowchart's layers: where edges cross over (tracks), where their labels and the rows of
// back edges go, and so where each layer starts along the flow; then the lanes back edges return by.
import { besideOf, portOf, type BackRoute, type LayoutNode, type Route } from './geometry.js';
import { widthOf } from '../wrap.js';

/** Positions along the flow, with the channel between two layers sized for its tracks, labels and arrowheads. */
export function placeAlong(layers: LayoutNode[][], routes: Route[], backRoutes: BackRoute[], vertical: boolean): number {
  let main = 0;
  // back edges into the first layer need rows of their own before it
  const intoFirst = backRoutes.filter((b) => b.to.layer === 0);
  intoFirst.forEach((b, i) => (b.arrive = i));
  if (intoFirst.length) main = intoFirst.length + 1;
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
    const leaving = backRoutes.filter((b) => b.from.layer === l);
    const arriving = backRoutes.filter((b) => b.to.layer === l + 1);
    if (channel.length + leaving.length + arriving.length === 0) {
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
    let row = main + stub + tracks + labelSpace;
    for (const route of leaving) route.leave = row++;
    for (const route of arriving) route.arrive = row++;
    main = row + 1;
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

/** Each back edge its own lane beyond every box, far enough out in TD for its label on the row it leaves on. */
export function placeLanes(backRoutes: BackRoute[], nodes: LayoutNode[], vertical: boolean): void {
  let lane = Math.max(...nodes.map((n) => besideOf(n, vertical))) + 2;
  for (const route of backRoutes) {
    const labelled = vertical && route.label ? besideOf(route.from, vertical) + widthOf(route.label) + 5 : 0;
    route.lane = Math.max(lane, labelled);
    lane = route.lane + 2;
  }
}
