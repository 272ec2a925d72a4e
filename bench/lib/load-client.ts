import autocannon from 'autocannon';
import type { LoadRequest, LoadResult } from './load.js';

// Runs in a child process forked by load.ts, so the load generator has an event loop (and, on a
// 2-core machine, a core) of its own instead of slowing down the server it measures.

async function run(request: LoadRequest): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: request.origin,
    connections: request.connections,
    duration: request.durationS,
    requests: [
      {
        method: 'GET',
        // A different path on every request, cycling through the list, so the load spreads over
        // many rows instead of one hot row.
        setupRequest: (req) => ({ ...req, path: request.paths[next++ % request.paths.length] }),
      },
    ],
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latency: {
      mean: result.latency.average,
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
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
