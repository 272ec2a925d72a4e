import { describe, expect, it } from 'vitest';
import { DEMO_DATASETS } from '../../src/demo/datasets/datasets.js';
import { BOROUGHS } from '../../src/demo/region/boroughs.js';
import { boroughIndexAt } from '../../src/demo/region/boundaries.js';

// The demo's council datasets are believable: what a council publishes lies in its borough.

describe('council demo datasets', () => {
  it('place every point and outline inside the borough of the council that publishes them', () => {
    for (const d of DEMO_DATASETS) {
      const index = BOROUGHS.findIndex((b) => b.orgSlug === d.meta.organisation);
      if (index < 0) continue;
      for (const file of d.files.filter((f) => f.format === 'GeoJSON')) {
        const collection = JSON.parse(file.build()) as {
          features: { geometry: { type: string; coordinates: unknown } }[];
        };
        const positions = collection.features.flatMap(({ geometry: g }) =>
          g.type === 'Point'
            ? [g.coordinates as [number, number]]
            : (g.coordinates as [number, number][][]).flat(),
        );
        expect(positions.length, file.fileName).toBeGreaterThan(0);
        const outside = positions.filter(([lon, lat]) => boroughIndexAt(lon, lat) !== index);
        expect(outside, file.fileName).toEqual([]);
      }
    }
  });
});
