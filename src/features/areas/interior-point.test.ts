import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { interiorPoint } from './interior-point.js';

describe('a point standing for an area', () => {
  it('is the centroid of a plain shape', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    expect(interiorPoint(square)).toEqual([1, 1]);
  });

  it('is inside a U shape, whose centroid is not', () => {
    const u = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const point = interiorPoint(u);
    expect(point).not.toBeNull();
    expect(booleanPointInPolygon(point ?? [0, 0], u, { ignoreBoundary: true })).toBe(true);
  });

  it('is inside a ring around a hole where the centroid falls', () => {
    const ring = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [3, 1],
          [3, 3],
          [1, 3],
          [1, 1],
        ],
      ],
    };
    const point = interiorPoint(ring);
    expect(booleanPointInPolygon(point ?? [2, 2], ring, { ignoreBoundary: true })).toBe(true);
  });
});
