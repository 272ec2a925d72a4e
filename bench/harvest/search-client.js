/* global fetch */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

// The searching visitor, in a thread of its own: a visitor is not in the server's process, so
// its own request and response turns must not queue behind the harvest's writes on the
// server's event loop. Plain JavaScript: a worker thread does not get tsx's loader.
// Messages in: { type: 'rounds', rounds } | { type: 'loop' } | { type: 'stop' }.
// Messages out: { type: 'samples', samples: number[] } | { type: 'error', message }.

const { origin, paths } = workerData;
let stopping = false;

async function timed(path) {
  const started = performance.now();
  const res = await fetch(origin + path);
  const body = await res.json();
  const ms = performance.now() - started;
  if (res.status !== 200 || typeof body.total !== 'number') {
    throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return ms;
}

async function rounds(count) {
  const out = [];
  for (let r = 0; r < count; r++) for (const p of paths) out.push(await timed(p));
  return out;
}

async function loop() {
  const out = [];
  for (let i = 0; !stopping; i = (i + 1) % paths.length) out.push(await timed(paths[i]));
  return out;
}

parentPort.on('message', (command) => {
  if (command.type === 'stop') {
    stopping = true;
    return;
  }
  stopping = false;
  const work = command.type === 'rounds' ? rounds(command.rounds) : loop();
  work.then(
    (samples) => parentPort.postMessage({ type: 'samples', samples }),
    (error) => parentPort.postMessage({ type: 'error', message: String(error) }),
  );
});
