import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { BOROUGHS } from './generate.js';
import { RssSampler, type ServerProcess } from './server.js';

// Issue 11's throughput targets: the XLSX export's rows per second, and 50 clients at once
// running filtered queries with no errors and a p99 under a second.

export interface XlsxExport {
  rows: number;
  bytes: number;
  seconds: number;
  /** Server RSS: idle before, largest sampled during the download, MiB. */
  idleRss: number;
  peakRss: number;
}

/** Downloads the first `rows` rows as XLSX (`limit`), counting bytes. */
export async function measureXlsxExport(
  server: ServerProcess,
  resourceId: string,
  rows: number,
): Promise<XlsxExport> {
  const url = `${server.origin}/api/v1/resources/${resourceId}/export.xlsx?limit=${rows}`;
  await new Promise((r) => setTimeout(r, 500));
  const idle = await server.memory();
  const sampler = new RssSampler(server.pid).start();
  const started = performance.now();
  const res = await fetch(url);
  if (res.status !== 200 || !res.body) {
    sampler.stop();
    throw new Error(`export.xlsx answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows, bytes, seconds, idleRss: idle.rss, peakRss: sampler.stop() };
}

export interface Concurrency {
  rows: number;
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
}

const CATEGORIES = ['pothole', 'fly-tipping', 'graffiti', 'missed bin', 'litter', 'noise'];

/**
 * `connections` clients at once, each sending the next filtered query as soon as the last is
 * answered, for `seconds`: borough × category (60 combinations), 100 rows in the default
 * order with the exact total, as an anonymous visitor.
 */
export async function measureConcurrency(
  origin: string,
  resourceId: string,
  rows: number,
  connections: number,
  seconds: number,
): Promise<Concurrency> {
  const bodies = BOROUGHS.flatMap((borough) =>
    CATEGORIES.map((category) =>
      JSON.stringify({
        filters: [
          { field: 'borough', op: 'eq', value: borough },
          { field: 'category', op: 'eq', value: category },
        ],
        limit: 100,
      }),
    ),
  );
  let next = 0;
  const result = await autocannon({
    url: `${origin}/api/v1/resources/${resourceId}/query`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  return {
    rows,
    connections,
    seconds,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    perSecond: result.requests.average,
  };
}
