import { int, ms } from '../lib/report.js';
import type { Concurrency, XlsxExport } from './load-tests.js';

// The report's lines for the XLSX export and the concurrent clients (issue 11's targets).

export const LOAD_TARGETS = {
  xlsxRowsPerSecond: 50_000,
  concurrentP99Ms: 1000,
};

interface Row {
  what: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  ok: boolean | null;
}

export function loadTargetRows(x: XlsxExport, c: Concurrency): Row[] {
  const rate = x.rows / x.seconds;
  const failed = c.errors + c.non2xx + c.timeouts;
  return [
    {
      what: `XLSX export of ${int(x.rows)} rows, rows/s`,
      ours: int(rate),
      baseline: '-',
      ratio: '-',
      target: `≥ ${int(LOAD_TARGETS.xlsxRowsPerSecond)} rows/s`,
      ok: rate >= LOAD_TARGETS.xlsxRowsPerSecond,
    },
    {
      what: `${c.connections} concurrent clients, filtered queries on ${int(c.rows)} rows: p99 ms (errors)`,
      ours: `${ms(c.p99)} (${failed})`,
      baseline: '-',
      ratio: '-',
      target: `no errors, p99 < ${int(LOAD_TARGETS.concurrentP99Ms)} ms`,
      ok: failed === 0 && c.p99 < LOAD_TARGETS.concurrentP99Ms,
    },
  ];
}

export function loadTestLines(x: XlsxExport, c: Concurrency): string[] {
  return [
    `GET /api/v1/resources/{id}/export.xlsx?limit=${x.rows}: ${int(x.bytes / 1e6)} MB in ${x.seconds.toFixed(1)} s = ${int(x.rows / x.seconds)} rows/s; server RSS ${int(x.idleRss)} MiB idle before, peak ${int(x.peakRss)} MiB sampled every 50 ms`,
    `${c.connections} clients at once for ${c.seconds} s (autocannon, each sending its next request when answered), \`POST /api/v1/resources/{id}/query\` as an anonymous visitor on ${int(c.rows)} rows, borough = X AND category = Y (60 combinations in turn), 100 rows in the default order with the exact total: ${int(c.requests)} requests (${c.perSecond.toFixed(0)}/s), p50 ${ms(c.p50)} ms, p99 ${ms(c.p99)} ms, max ${ms(c.max)} ms; ${c.errors} errors, ${c.non2xx} non-2xx answers, ${c.timeouts} timeouts`,
  ];
}
