import { describe, expect, it } from 'vitest';
import { fails, ingestHarness, messages } from '../helpers/ingest.js';

// A polygon's rings must end where they start (RFC 7946, 3.1.6). An open ring is closed and the
// report says how many were; one that cannot be closed (under 3 distinct positions) is refused.

const { load, rowsOf } = ingestHarness();

const collection = (...geometries: unknown[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: geometries.map((geometry, i) => ({
      type: 'Feature',
      properties: { n: i + 1 },
      geometry,
    })),
  });

const open = [
  [-2.5, 53.5],
  [-2.4, 53.5],
  [-2.4, 53.6],
];
const closed = [...open, [-2.5, 53.5]];

describe('GeoJSON polygon rings', () => {
  it('closes rings that are not closed, and says how many', async () => {
    const r = await load(
      'open.geojson',
      collection(
        { type: 'Polygon', coordinates: [open] },
        { type: 'Polygon', coordinates: [closed] },
        { type: 'MultiPolygon', coordinates: [[open], [closed, open]] },
      ),
      'GEOJSON',
    );
    expect(r.rows).toBe(3);
    expect(messages(r)).toContain('3 polygon rings were not closed; closed them');
    const rows = await rowsOf(r);
    expect(JSON.parse(String(rows[0]?.geometry))).toEqual({
      type: 'Polygon',
      coordinates: [closed],
    });
    expect(JSON.parse(String(rows[2]?.geometry))).toEqual({
      type: 'MultiPolygon',
      coordinates: [[closed], [closed, closed]],
    });
  });

  it('says nothing when every ring is closed', async () => {
    const r = await load(
      'ok.geojson',
      collection({ type: 'Polygon', coordinates: [closed] }),
      'GEOJSON',
    );
    expect(messages(r).filter((m) => m.includes('ring'))).toEqual([]);
  });

  it('refuses a ring that cannot be closed, naming the feature', async () => {
    const line = [
      [-2.5, 53.5],
      [-2.4, 53.5],
      [-2.5, 53.5],
    ];
    await fails(
      load(
        'line.geojson',
        collection(
          { type: 'Polygon', coordinates: [closed] },
          { type: 'Polygon', coordinates: [line] },
        ),
        'GEOJSON',
      ),
      /^Feature 2: a ring of its Polygon has fewer than 3 distinct positions, so it is not an area/,
    );
  });
});
