import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BBOX } from '../field.js';
import { geometryBounds, GEOMETRY_TYPES, type GeometryFixes } from './geojson-geometry.js';
import { JsonRecordScanner } from './json-scan.js';
import { RecordWriter } from './record-writer.js';
import { SourceError, type StageOptions, type StagedSource } from './source.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One feature as a record: its properties (and id) plus its geometry as JSON text and its box. */
async function writeFeature(
  writer: RecordWriter,
  feature: unknown,
  n: number,
  fixes: GeometryFixes,
): Promise<void> {
  const where = `Feature ${n}`;
  if (!isObject(feature) || feature.type !== 'Feature') {
    throw new SourceError(`${where} is not a GeoJSON Feature (it needs "type": "Feature")`);
  }
  const { properties, geometry, id } = feature;
  if (properties !== null && properties !== undefined && !isObject(properties)) {
    throw new SourceError(`${where}: its properties are not a JSON object`);
  }
  const props = properties ?? {};
  const bounds = geometryBounds(geometry, where, fixes); // closes open rings in `geometry`
  const record = id !== undefined && !('id' in props) ? { id, ...props } : props;
  await writer.write(record, {
    geometry: geometry === null || geometry === undefined ? null : JSON.stringify(geometry),
    _minx: bounds?.minx ?? null,
    _miny: bounds?.miny ?? null,
    _maxx: bounds?.maxx ?? null,
    _maxy: bounds?.maxy ?? null,
  });
}

/** What a document without streamed features is: one Feature, or something to refuse clearly. */
async function writeLoneFeature(
  writer: RecordWriter,
  members: Record<string, unknown>,
  fixes: GeometryFixes,
): Promise<void> {
  const type = members.type;
  if (type === 'Feature') return writeFeature(writer, members, 1, fixes);
  if (type === 'FeatureCollection')
    throw new SourceError('The GeoJSON FeatureCollection has no features');
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    throw new SourceError(
      `The file is a bare GeoJSON ${type}: a Feature or FeatureCollection is needed`,
    );
  }
  throw new SourceError('The file is not GeoJSON: it is not a FeatureCollection or a Feature');
}

/**
 * GeoJSON: a FeatureCollection read feature by feature (only one feature in memory at a time)
 * into NDJSON in the work folder, each feature's properties flattened one level beside its
 * geometry and bounding box, which ingest expects when `geometry` is set.
 */
export async function stageGeoJson(options: StageOptions): Promise<StagedSource> {
  if ((await stat(options.file)).size === 0) throw new SourceError('The file is empty');
  const out = path.join(options.workDir, 'features.ndjson');
  const cleanup = () => rm(out, { force: true });
  const writer = new RecordWriter(out, [
    { name: 'geometry', type: 'VARCHAR' },
    ...BBOX.map((name) => ({ name, type: 'DOUBLE' })),
  ]);
  const fixes: GeometryFixes = { closedRings: 0 };
  const scanner = new JsonRecordScanner('features', {
    array: 'The file is a JSON array, not a GeoJSON FeatureCollection',
  });
  try {
    for await (const chunk of createReadStream(options.file, { encoding: 'utf8' })) {
      for (const feature of scanner.push(chunk as string)) {
        await writeFeature(writer, feature, writer.records + 1, fixes);
      }
    }
    scanner.end();
    const type = scanner.members.type;
    if (scanner.items === 0) await writeLoneFeature(writer, scanner.members, fixes);
    else if (type !== undefined && type !== 'FeatureCollection') {
      throw new SourceError(
        `The file is not GeoJSON: its type is ${JSON.stringify(type)}, not "FeatureCollection"`,
      );
    }
    await writer.close();
  } catch (err) {
    writer.abort();
    await cleanup();
    throw err;
  }
  const warnings = [...writer.warnings];
  if (fixes.closedRings > 0) {
    warnings.push({
      message:
        fixes.closedRings === 1
          ? '1 polygon ring was not closed; closed it'
          : `${fixes.closedRings} polygon rings were not closed; closed them`,
    });
  }
  return { relation: writer.relation(), geometry: true, warnings, cleanup };
}
