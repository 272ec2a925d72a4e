import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { addFileResource } from '../../src/features/catalog/index.js';
import { loadAfterUpload } from '../../src/features/datastore/datastore.service.js';
import type { TestApp } from './app.js';
import type { Fixture } from './fixture.js';

/** The columns of typedResource() and their types as the datastore reports them. */
export const TYPED_FIELDS = {
  n: 'integer',
  big: 'integer',
  d: 'decimal',
  day: 'date',
  at: 'timestamp',
  name: 'text',
  ok: 'boolean',
  geometry: 'text',
} as const;

/** Points with a column of each type: integer, big integer, decimal, date, timestamp, text, boolean. */
function placesGeojson(): string {
  const features = Array.from({ length: 30 }, (_, i) => ({
    type: 'Feature',
    properties: {
      n: i - 10,
      big: 5_000_000_000 + i,
      d: i / 4 - 2,
      day: `2024-0${String((i % 9) + 1)}-1${String(i % 10)}`,
      at: `2024-03-0${String((i % 9) + 1)}T1${String(i % 10)}:00:00Z`,
      name: i % 5 === 0 ? `=HYPERLINK("http://evil.example") ${String(i)}` : `place ${String(i)}`,
      ok: i % 2 === 0,
    },
    geometry: { type: 'Point', coordinates: [-2.5 + i / 100, 53.5 + i / 100] },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/**
 * A small public GeoJSON resource in the fixture's fly-tipping dataset, loaded into the
 * datastore, with a column of every type. Returns its id.
 */
export async function typedResource(t: TestApp, fx: Fixture): Promise<string> {
  const resource = await addFileResource(t.ctx, fx.editorActor, 'fly-tipping-reports', {
    fileName: 'places.geojson',
    stream: Readable.from([Buffer.from(placesGeojson())]),
  });
  const loaded = await loadAfterUpload(t.ctx, fx.editorActor, resource.id, true);
  expect(loaded?.status, JSON.stringify(loaded)).toBe('succeeded');
  return resource.id;
}
