// Points a few metres either side of a real border, computed from the polygons themselves: the
// midpoint of the longest edge two boundaries share, moved along the edge's normal.

type Position = [number, number];
interface Polygonal {
  type: string;
  coordinates: unknown;
}

const rings = (g: Polygonal): Position[][] =>
  g.type === 'Polygon' ? (g.coordinates as Position[][]) : (g.coordinates as Position[][][]).flat();

const key = (p: Position) => `${p[0]},${p[1]}`;

function edges(g: Polygonal): Set<string> {
  const set = new Set<string>();
  for (const ring of rings(g)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [p, q] = [ring[i], ring[i + 1]] as [Position, Position];
      set.add(`${key(p)}|${key(q)}`);
      set.add(`${key(q)}|${key(p)}`);
    }
  }
  return set;
}

/** Twice the signed area of a ring (positive when anticlockwise). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [p, q] = [ring[i], ring[i + 1]] as [Position, Position];
    sum += p[0] * q[1] - q[0] * p[1];
  }
  return sum;
}

export interface BorderPoints {
  /** [lon, lat] `metres` inside a, and inside b. */
  inA: Position;
  inB: Position;
  /** The shared edge, so a ward sharing it can be found. */
  edge: string;
}

/** Null when the two boundaries share no edge. */
export function borderPoints(a: Polygonal, b: Polygonal, metres: number): BorderPoints | null {
  const shared = edges(b);
  let best: { p: Position; q: Position; ring: Position[]; length: number } | null = null;
  for (const ring of rings(a)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [p, q] = [ring[i], ring[i + 1]] as [Position, Position];
      if (!shared.has(`${key(p)}|${key(q)}`)) continue;
      const cos = Math.cos((p[1] * Math.PI) / 180);
      const length = Math.hypot((q[0] - p[0]) * cos, q[1] - p[1]);
      if (!best || length > best.length) best = { p, q, ring, length };
    }
  }
  if (!best) return null;
  const { p, q, ring } = best;
  const lat = (p[1] + q[1]) / 2;
  const cos = Math.cos((lat * Math.PI) / 180);
  // In metres, east and north: the edge's direction, and its left normal.
  const dx = (q[0] - p[0]) * cos * 111_320;
  const dy = (q[1] - p[1]) * 111_320;
  const len = Math.hypot(dx, dy);
  const left: Position = [-dy / len, dx / len];
  // An anticlockwise outer ring has its inside on the left of each edge.
  const inside = signedArea(ring) > 0 ? 1 : -1;
  const at = (sign: number): Position => [
    (p[0] + q[0]) / 2 + (sign * inside * left[0] * metres) / (111_320 * cos),
    lat + (sign * inside * left[1] * metres) / 111_320,
  ];
  return { inA: at(1), inB: at(-1), edge: `${key(p)}|${key(q)}` };
}

/** Whether a boundary has the edge (either direction). */
export const hasEdge = (g: Polygonal, edge: string): boolean => edges(g).has(edge);
