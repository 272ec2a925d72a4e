import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startClusterStore, type ClusterNode } from '../test/helpers/cluster.js';
import { progress, setting, type Benchmark } from './lib/benchmark.js';
import { runLoad } from './lib/load.js';
import { describeMachine } from './lib/machine.js';
import { writeSection } from './lib/report.js';
import { cpuMs, postgresCpu, postgresCpuSince } from './cluster/cpu.js';
import { createCpuLimit, type CpuLimit } from './cluster/cpu-limit.js';
import { checkMix, trafficMixes, type Mix } from './cluster/mixes.js';
import {
  clusterMarkdown,
  clusterText,
  WARM_S,
  type ClusterResult,
  type MixRun,
} from './cluster/report.js';

const DOCS = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const DEFAULTS = { connections: 16, durationS: 20, nodeMillicores: 500 };
const log = progress('cluster');

// The reference deployment, shrunk onto one machine: nodes of the built app (`node dist/main.js
// serve`) on one PostgreSQL database and one S3-compatible bucket (s3rver), seeded with the demo
// region. Each traffic mix is run against one node, then spread over two (as a round-robin load
// balancer spreads connections), measuring requests per second, latency and the CPU time each
// request costs the nodes and PostgreSQL.

/** Waits until the background work a fresh start queues (quality scores, roll-ups) is done. */
async function settle(databaseUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (let i = 0; i < 240; i++) {
      const { rows } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM jobs
         WHERE state = 'running' OR (state = 'queued' AND run_at <= $1)`,
        [new Date().toISOString()],
      );
      if (Number(rows[0]?.n) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    log('background jobs still busy after 2 minutes; measuring anyway');
  } finally {
    await db.end();
  }
}

async function measure(nodes: ClusterNode[], mix: Mix, options: typeof DEFAULTS): Promise<MixRun> {
  const origins = nodes.map((n) => n.url);
  const { connections, durationS } = options;
  await runLoad({ origins, paths: mix.paths, connections, durationS: WARM_S });
  const nodeCpu = () => nodes.reduce((total, n) => total + cpuMs(n.pid()), 0);
  const before = { node: nodeCpu(), db: postgresCpu() };
  const result = await runLoad({ origins, paths: mix.paths, connections, durationS });
  const requests = result.requests || 1;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${mix.name}: ${String(result.non2xx)} non-2xx, ${String(result.errors)} errors`,
    );
  }
  return {
    result,
    nodeCpuMsPerRequest: (nodeCpu() - before.node) / requests,
    dbCpuMsPerRequest: postgresCpuSince(before.db) / requests,
  };
}

async function run(): Promise<string[]> {
  const options = {
    connections: setting('BENCH_CLUSTER_CONNECTIONS', DEFAULTS.connections),
    durationS: setting('BENCH_CLUSTER_SECONDS', DEFAULTS.durationS),
    nodeMillicores: setting('BENCH_CLUSTER_NODE_MILLICORES', DEFAULTS.nodeMillicores),
  };
  const limits: CpuLimit[] = [];
  /** Why nodes ran without a CPU limit, if they did. */
  const unlimited: string[] = [];
  /** Starts a node, then holds it to its share of CPU (if the machine allows it). */
  const startLimited = async (node: ClusterNode) => {
    await node.start();
    const limit = await createCpuLimit(
      `metrodata-bench-${node.name}-${String(node.pid())}`,
      options.nodeMillicores,
    );
    if ('unavailable' in limit) {
      unlimited.push(limit.unavailable);
      log(`nodes run without a CPU limit: ${limit.unavailable}`);
      return;
    }
    limits.push(limit);
    await limit.add(node.pid());
  };
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  log('starting PostgreSQL database and s3rver…');
  const store = await startClusterStore();
  try {
    await store.cli('migrate');
    log('seeding the demo region…');
    const seedStarted = performance.now();
    await store.cli('seed');
    const seedS = (performance.now() - seedStarted) / 1000;
    const a = await store.addNode('a');
    await startLimited(a);
    log('node A serving; waiting for its first background jobs…');
    await settle(store.databaseUrl);
    const mixes = await trafficMixes(a);
    for (const mix of mixes) await checkMix(a, mix);

    const runs: ClusterResult['runs'] = [];
    for (const mix of mixes) {
      log(`${mix.name}: one node, ${String(options.connections)} connections…`);
      runs.push({ mix, one: await measure([a], mix, options), two: null });
    }
    const b = await store.addNode('b');
    await startLimited(b);
    // Node B's first requests fill its cache (Parquet files) before the clock starts.
    for (const mix of mixes) await checkMix(b, mix);
    await settle(store.databaseUrl);
    for (const entry of runs) {
      log(`${entry.mix.name}: two nodes…`);
      entry.two = await measure([a, b], entry.mix, options);
    }

    const result: ClusterResult = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine: describeMachine(),
      seedS,
      ...options,
      nodeMillicores: unlimited.length === 0 ? options.nodeMillicores : null,
      runs,
    };
    console.log(`\nCluster benchmark\n\n${clusterText(result)}`);
    const published = Object.entries(DEFAULTS).every(
      ([key, value]) => options[key as keyof typeof options] === value,
    );
    if (published && unlimited.length === 0) {
      await writeSection(DOCS, 'cluster', clusterMarkdown(result));
      log(`wrote the cluster section of ${path.relative(process.cwd(), DOCS)}`);
    } else {
      log(`not writing docs: settings differ from ${JSON.stringify(DEFAULTS)}, or no CPU limit`);
    }
    return runs.map(
      ({ mix, one, two }) =>
        `${mix.name}: ${one.result.requestsPerSecond.toFixed(0)} req/s on one node, ` +
        `${two?.result.requestsPerSecond.toFixed(0) ?? '-'} on two`,
    );
  } finally {
    await store.stop();
    for (const limit of limits) await limit.remove();
  }
}

export const clusterBenchmark: Benchmark = {
  name: 'cluster',
  description:
    'requests per second of page, search and query traffic on one node and on two (PostgreSQL, s3rver)',
  run,
};
