import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { buildLocator, type Area } from '../src/features/areas/index.js';
import type { BoundaryGeometry } from '../src/features/organisations/index.js';
import type { Benchmark } from './lib/benchmark.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { createRng } from './lib/prng.js';
import { int, markdownTable, textTable, writeSection, type Table } from './lib/report.js';

// Routing a point to its borough and ward: the in-memory index `locate` uses (flatbush R-tree
// for candidates, turf point-in-polygon for the answer), against the real Greater Manchester
// boundaries when ../shared has them, else a synthetic grid of the same size.

const DOCS = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
const DATA = path.resolve(
  fileURLToPath(new URL('..', import.meta.url)),
  '..',
  'shared',
  'data',
  'greater-manchester',
);
const POINTS = 100_000;

interface Input {
  source: string;
  region: BoundaryGeometry;
  bodies: Area<string>[];
  wards: Area<string>[];
}

async function realInput(): Promise<Input | null> {
  const file = (n: string) => path.join(DATA, n);
  if (!existsSync(file('gm_ward_generalised.geojson'))) return null;
  const read = async (n: string) =>
    (
      JSON.parse(await readFile(file(n), 'utf8')) as {
        features: { properties: { area_code: string }; geometry: BoundaryGeometry }[];
      }
    ).features;
  const areas = async (n: string) =>
    (await read(n)).map((f) => ({ item: f.properties.area_code, geometry: f.geometry }));
  const [region] = await read('gm_combined_authority_generalised.geojson');
  if (!region) return null;
  return {
    source: 'the real Greater Manchester boundaries (10 boroughs, 215 wards, generalised)',
    region: region.geometry,
    bodies: await areas('gm_local_authority_generalised.geojson'),
    wards: await areas('gm_ward_generalised.geojson'),
  };
}

/** 10 boroughs of 5x5 ward squares (250 wards; 215 are real) each with 40 vertices a side. */
function syntheticInput(): Input {
  const square = (w: number, s: number, size: number): BoundaryGeometry => {
    const ring: number[][] = [];
    const steps = 40;
    for (let i = 0; i < steps; i++) ring.push([w + (size * i) / steps, s]);
    for (let i = 0; i < steps; i++) ring.push([w + size, s + (size * i) / steps]);
    for (let i = 0; i < steps; i++) ring.push([w + size - (size * i) / steps, s + size]);
    for (let i = 0; i < steps; i++) ring.push([w, s + size - (size * i) / steps]);
    ring.push([w, s]);
    return { type: 'Polygon', coordinates: [ring] };
  };
  const bodies: Area<string>[] = [];
  const wards: Area<string>[] = [];
  for (let b = 0; b < 10; b++) {
    const [bw, bs] = [-2.7 + (b % 5) * 0.16, 53.35 + Math.floor(b / 5) * 0.16];
    bodies.push({ item: `B${b}`, geometry: square(bw, bs, 0.16) });
    for (let k = 0; k < 25; k++) {
      wards.push({
        item: `W${b}-${k}`,
        geometry: square(bw + (k % 5) * 0.032, bs + Math.floor(k / 5) * 0.032, 0.032),
      });
    }
  }
  return {
    source: 'synthetic squares (../shared absent)',
    region: square(-2.7, 53.35, 0.8),
    bodies,
    wards,
  };
}

function bboxOf(g: BoundaryGeometry): [number, number, number, number] {
  const rings = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  const xs = rings.flatMap((r) => (r[0] ?? []).map((p) => p[0] ?? 0));
  const ys = rings.flatMap((r) => (r[0] ?? []).map((p) => p[1] ?? 0));
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function time(points: [number, number][], route: (lon: number, lat: number) => boolean) {
  let inside = 0;
  const started = performance.now();
  for (const [lon, lat] of points) if (route(lon, lat)) inside++;
  const seconds = (performance.now() - started) / 1000;
  return {
    inside,
    perSecond: points.length / seconds,
    microseconds: (seconds * 1e6) / points.length,
  };
}

async function run(): Promise<string[]> {
  const input = (await realInput()) ?? syntheticInput();
  const started = performance.now();
  const locator = buildLocator({ region: input.region, bodies: input.bodies, wards: input.wards });
  const buildMs = performance.now() - started;
  const rng = createRng(13);
  const [w, s, e, n] = bboxOf(input.region);
  const points = Array.from({ length: POINTS }, (): [number, number] => [
    w + rng.next() * (e - w),
    s + rng.next() * (n - s),
  ]);
  // Warm up the JIT on a slice, then measure.
  time(points.slice(0, 5_000), (lon, lat) => locator.at(lon, lat).inRegion);
  const indexed = time(points, (lon, lat) => locator.at(lon, lat).inRegion);
  // The same answers without the R-tree: every polygon tested for every point.
  const all = [
    input.region,
    ...input.bodies.map((b) => b.geometry),
    ...input.wards.map((x) => x.geometry),
  ];
  const sample = points.slice(0, 10_000);
  const linear = time(sample, (lon, lat) => {
    let inRegion = false;
    for (const [i, g] of all.entries()) {
      if (
        booleanPointInPolygon([lon, lat], g as Parameters<typeof booleanPointInPolygon>[1]) &&
        i === 0
      ) {
        inRegion = true;
      }
    }
    return inRegion;
  });
  const table: Table = {
    head: ['method', 'points', 'inside the region', 'points/s', 'µs a point'],
    rows: [
      [
        'R-tree + point-in-polygon (locate)',
        int(POINTS),
        int(indexed.inside),
        int(indexed.perSecond),
        indexed.microseconds.toFixed(1),
      ],
      [
        'every polygon tested (no index)',
        int(sample.length),
        int(linear.inside),
        int(linear.perSecond),
        linear.microseconds.toFixed(1),
      ],
    ],
  };
  console.log(textTable(table));
  const at = new Date().toISOString().slice(0, 16);
  const polygons = input.bodies.length + input.wards.length + 1;
  await writeSection(
    DOCS,
    'routing',
    [
      '## Routing a point to its body and ward',
      '',
      `${at}Z, ${machineLine(describeMachine())}. Points uniformly random in the region's ` +
        `bounding box, routed against ${input.source}: ${polygons} polygons, index built in ` +
        `${buildMs.toFixed(0)} ms. The service adds one primary-key read of the boundaries ` +
        'version per request (docs/operations.md).',
      '',
      markdownTable(table),
    ].join('\n'),
  );
  return [
    `${int(indexed.perSecond)} points/s (${input.bodies.length} bodies, ${input.wards.length} wards)`,
  ];
}

export const routingBenchmark: Benchmark = {
  name: 'routing',
  description: 'point to borough and ward: 100,000 random points in the region',
  run,
};
