import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadRequest {
  /** e.g. http://127.0.0.1:41234; with several, the connections are spread over them. */
  origins: string[];
  /** Paths requested in turn, one per request. */
  paths: string[];
  connections: number;
  durationS: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  /** Milliseconds from request to response, as autocannon measures them, over every origin. */
  latency: { mean: number; p50: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
}

type Reply = { ok: true; result: LoadResult } | { ok: false; error: string };

/** Runs autocannon against the server from a child process and returns its summary. */
export function runLoad(request: LoadRequest): Promise<LoadResult> {
  if (request.paths.length === 0) return Promise.reject(new Error('runLoad: no paths'));
  if (request.origins.length === 0 || request.connections < request.origins.length)
    return Promise.reject(new Error('runLoad: at least one connection per origin'));
  // fork() reuses this process's execArgv, which carries tsx's loader, so the child runs .ts.
  const child = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    child.once('message', (reply: Reply) => {
      settled = true;
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`load generator failed: ${reply.error}`));
    });
    child.once('error', (err) => {
      settled = true;
      reject(err);
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with code ${code ?? 'null'}`));
    });
    child.send(request);
  });
}
