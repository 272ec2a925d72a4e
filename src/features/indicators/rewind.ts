type Ring = [number, number][];

/** Twice the signed area of a ring in the lon/lat plane: positive when counter-clockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] ?? [0, 0];
    const [x2, y2] = ring[i + 1] ?? [0, 0];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

const orient = (ring: Ring, clockwise: boolean): Ring =>
  signedArea(ring) > 0 === clockwise ? [...ring].reverse() : ring;

const rewindPolygon = (rings: Ring[]): Ring[] => rings.map((ring, i) => orient(ring, i === 0));

/**
 * A GeoJSON polygon wound the way d3-geo (inside Vega) reads it: outer rings clockwise, holes
 * anticlockwise. GeoJSON (RFC 7946) winds them the other way, and d3 draws such a polygon as the
 * whole world minus the area, which fills the map with one colour.
 */
export function rewindForD3(geometry: unknown): unknown {
  const g = geometry as { type?: string; coordinates?: unknown };
  if (g.type === 'Polygon') {
    return { ...g, coordinates: rewindPolygon(g.coordinates as Ring[]) };
  }
  if (g.type === 'MultiPolygon') {
    return { ...g, coordinates: (g.coordinates as Ring[][]).map(rewindPolygon) };
  }
  return geometry;
}
