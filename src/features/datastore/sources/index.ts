import { stageCsv } from './csv.js';
import { stageGeoJson } from './geojson.js';
import { stageJson, stageParquet } from './json.js';
import { SourceError, type StageOptions, type StagedSource } from './source.js';
import { stageXls, stageXlsx } from './xlsx.js';

type Stager = (options: StageOptions) => Promise<StagedSource>;

const STAGERS: Record<string, Stager> = {
  CSV: stageCsv,
  TSV: stageCsv,
  TXT: stageCsv,
  JSON: stageJson,
  NDJSON: stageJson,
  GEOJSON: stageGeoJson,
  PARQUET: stageParquet,
  XLSX: stageXlsx,
  // Attempted so that the publisher is told how to make it loadable (save as .xlsx or CSV).
  XLS: stageXls,
};

/** The formats the datastore loads; others stay plain files. */
export const LOADABLE_FORMATS = new Set(Object.keys(STAGERS));

export function unsupported(format: string): never {
  throw new SourceError(
    `${format} files cannot be loaded into the datastore; use CSV, TSV, XLSX, JSON, NDJSON, GeoJSON or Parquet`,
  );
}

export function stageSource(options: StageOptions): Promise<StagedSource> {
  const stager = STAGERS[options.format];
  if (!stager) unsupported(options.format);
  return stager(options);
}
