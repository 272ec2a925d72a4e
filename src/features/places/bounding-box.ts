export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * The bounding box of every [x, y] position in a GeoJSON geometry (Polygon, MultiPolygon, a
 * Feature or a collection), or null when it holds none. A cheap "in the region" test for an
 * import: exact polygons are the routing's business.
 */
export function boundingBox(geojson: unknown): Box | null {
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const visit = (v: unknown): void => {
    if (!Array.isArray(v)) {
      if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
      return;
    }
    const [x, y] = v as unknown[];
    if (typeof x === 'number' && typeof y === 'number') {
      box.minX = Math.min(box.minX, x);
      box.maxX = Math.max(box.maxX, x);
      box.minY = Math.min(box.minY, y);
      box.maxY = Math.max(box.maxY, y);
      return;
    }
    v.forEach(visit);
  };
  visit(geojson);
  return Number.isFinite(box.minX) ? box : null;
}
