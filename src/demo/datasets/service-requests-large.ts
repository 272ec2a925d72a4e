import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../../platform/engine/engine.js';
import { sqlString } from '../../platform/engine/sql.js';
import { datasetMeta, GMCA_DIGITAL, WHOLE_REGION } from './demo-dataset.js';
import { serviceRequestsSql } from './service-requests-sql.js';

/** Rows in the full service-requests file: enough to show the datastore at a realistic size. */
export const LARGE_ROWS = 1_000_000;

const FILE = {
  fileName: 'service-requests-2023-2024.parquet',
  name: 'Service requests, 2023 and 2024',
  format: 'PARQUET',
  description: 'One row per request, in id order (by day reported). Parquet, for its size.',
} as const;

export const ALL_REQUESTS_SLUG = 'service-requests-all';

export function allServiceRequests(rows: number) {
  const meta = datasetMeta({
    slug: ALL_REQUESTS_SLUG,
    title: 'Service requests (all)',
    organisation: 'gmca',
    summary: `Generated historic data: ${rows.toLocaleString('en-GB')} service requests about potholes, fly-tipping, street lights, noise and more in 2023 and 2024, as a council's older system might export them, each for the borough where it was reported. It is here to show the datastore at a realistic size; the reports residents make on this site are in the Citizen reports dataset.`,
    details:
      'Personal details are removed. `status` is as of 6 January 2025; `closed_at` and `days_to_close` are empty for requests still open. `lat` and `lon` are points in WGS 84 inside the borough (approximate demo boundaries). For the reports made on this site, with their updates, see Citizen reports.',
    tags: 'potholes, fly-tipping, street lights, reports, noise',
    themes: ['service-requests'],
    update_frequency: 'daily',
    period: '2023-01-01/2024-12-31',
    spatial_coverage: WHOLE_REGION,
    contact: GMCA_DIGITAL,
  });
  return { meta, file: FILE };
}

/**
 * Writes the requests to a Parquet file in the engine's scratch folder (the only place DuckDB
 * may write besides the blob store) and returns its path; the caller removes it. The same rows
 * give the same bytes, whatever the thread count: the query keeps the order of range(n).
 */
export async function writeServiceRequests(engine: Engine, rows: number): Promise<string> {
  const dir = path.join(engine.tempDir, 'demo');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, FILE.fileName);
  await rm(file, { force: true });
  await engine.run(`COPY (${serviceRequestsSql(rows)}) TO ${sqlString(file)} (FORMAT parquet)`);
  return file;
}
