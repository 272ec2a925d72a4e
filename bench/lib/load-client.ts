import autocannon from 'autocannon';
import type { LoadRequest, LoadResult } from './load.js';
import { percentile } from './percentiles.js';

// Runs in a child process forked by load.ts, so the load generator has an event loop (and, on a
// 2-core machine, a core) of its own instead of slowing down the server it measures.

/** The connections spread over the origins as evenly as they go (a round-robin balancer's way). */
const share = (connections: number, origins: number, i: number) =>
  Math.floor(connections / origins) + (i < connections % origins ? 1 : 0);

async function run(request: LoadRequest): Promise<LoadResult> {
  let next = 0;
  // Every response's time, whichever origin answered, so several origins make one distribution.
  const times: number[] = [];
  const results = await Promise.all(
    request.origins.map(
      (origin, i) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              url: origin,
              connections: share(request.connections, request.origins.length, i),
              duration: request.durationS,
              requests: [
                {
                  method: 'GET',
                  // A different path on every request, cycling through the list, so the load
                  // spreads over many rows instead of one hot row.
                  setupRequest: (req) => ({
                    ...req,
                    path: request.paths[next++ % request.paths.length],
                  }),
                },
              ],
            },
            (err, result) => {
              if (err) reject(err instanceof Error ? err : new Error(String(err)));
              else resolve(result);
            },
          );
          instance.on('response', (_client, _status, _bytes, responseTime) => {
            times.push(responseTime);
          });
        }),
    ),
  );
  times.sort((a, b) => a - b);
  const sum = (pick: (r: autocannon.Result) => number) =>
    results.reduce((total, r) => total + pick(r), 0);
  const durationS = Math.max(...results.map((r) => r.duration));
  return {
    requests: sum((r) => r.requests.total),
    requestsPerSecond: sum((r) => r.requests.average),
    latency: {
      mean: times.reduce((total, t) => total + t, 0) / (times.length || 1),
      p50: percentile(times, 50),
      p97_5: percentile(times, 97.5),
      p99: percentile(times, 99),
      max: times.at(-1) ?? Number.NaN,
    },
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    durationS,
  };
}

function reply(message: object): void {
  process.send?.(message, () => {
    process.disconnect();
  });
}

process.once('message', (message: LoadRequest) => {
  run(message).then(
    (result) => {
      reply({ ok: true, result });
    },
    (err: unknown) => {
      reply({ ok: false, error: err instanceof Error ? err.stack : String(err) });
    },
  );
});
