import { rm, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { sqlString } from '../../src/platform/engine/sql.js';
import type { RawDuckDb } from './raw-duckdb.js';
import { RssSampler, type ServerProcess } from './server.js';

export type ExportResult =
  | {
      available: true;
      bytes: number;
      lines: number;
      seconds: number;
      firstByteMs: number;
      /** Largest VmRSS sampled every 50 ms during the download, MiB. */
      sampledPeakRss: number;
      /** The same before the first byte (the server preparing the export) and after it. */
      peakBeforeFirstByte: number;
      peakWhileStreaming: number;
      /** VmHWM after the download, reset just before it (null when it could not be reset). */
      hwm: number | null;
      idleRss: number;
      contentType: string;
    }
  | { available: false; reason: string };

export const exportPath = (resourceId: string) => `/api/v1/resources/${resourceId}/export.csv`;

/**
 * Downloads every row as CSV and counts bytes and lines while sampling the server's memory.
 * Skipped (with the reason) while the route does not exist.
 */
export async function measureExport(
  server: ServerProcess,
  resourceId: string,
  expectedRows: number,
): Promise<ExportResult> {
  const url = server.origin + exportPath(resourceId);
  const probe = await fetch(url, { method: 'HEAD' }).catch(() => null);
  if (!probe || probe.status === 404) {
    const res = await fetch(url);
    const text = await res.text();
    if (res.status === 404) {
      return {
        available: false,
        reason: `GET ${exportPath('{id}')} answered 404 (${text.slice(0, 120)}): the route is not there yet`,
      };
    }
  }
  // Let the heap settle after the probe, then reset the peak so it covers the export only.
  await new Promise((r) => setTimeout(r, 500));
  const idle = await server.memory();
  const reset = await server.resetPeak();
  const started = performance.now();
  const sampler = new RssSampler(server.pid).start();
  const res = await fetch(url);
  if (res.status !== 200 || !res.body) {
    sampler.stop();
    throw new Error(`export answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  }
  let firstByteMs = Number.NaN;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += chunk.byteLength;
    let at = chunk.indexOf(10);
    while (at !== -1) {
      lines++;
      at = chunk.indexOf(10, at + 1);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const sampledPeakRss = sampler.stop();
  const after = await server.memory();
  if (lines !== expectedRows + 1) {
    throw new Error(`the export has ${lines} lines, expected ${expectedRows} rows and a header`);
  }
  return {
    available: true,
    bytes,
    lines,
    seconds,
    firstByteMs,
    sampledPeakRss: Math.max(sampledPeakRss, after.rss),
    peakBeforeFirstByte: sampler.peakBetween(0, firstByteMs),
    peakWhileStreaming: sampler.peakBetween(firstByteMs, Number.POSITIVE_INFINITY),
    hwm: reset ? after.hwm : null,
    idleRss: idle.rss,
    contentType: res.headers.get('content-type') ?? '',
  };
}

/** DuckDB's own `COPY (SELECT * FROM parquet) TO csv` of the same file, for comparison. */
export async function duckDbExport(
  raw: RawDuckDb,
  src: string,
  out: string,
): Promise<{ bytes: number; seconds: number }> {
  const started = performance.now();
  await raw.run(`COPY (SELECT * FROM ${src}) TO ${sqlString(out)} (HEADER, DELIMITER ',')`);
  const seconds = (performance.now() - started) / 1000;
  const bytes = (await stat(out)).size;
  await rm(out, { force: true });
  return { bytes, seconds };
}
