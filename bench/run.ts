import { performance } from 'node:perf_hooks';
import { catalogBenchmark } from './catalog.bench.js';
import { clusterBenchmark } from './cluster.bench.js';
import { datastoreBenchmark } from './datastore.bench.js';
import { harvestBenchmark } from './harvest.bench.js';
import { linksBenchmark } from './links-due.bench.js';
import { objectStorageBenchmark } from './object-storage.bench.js';
import type { Benchmark } from './lib/benchmark.js';
import { pagesBenchmark } from './pages.bench.js';
import { routingBenchmark } from './routing.bench.js';
import { postcodesBenchmark } from './postcodes.bench.js';

// Every benchmark, in the order they run. Adding one: a `bench/<name>.bench.ts` exporting a
// Benchmark, and a line here.
const BENCHMARKS: readonly Benchmark[] = [
  catalogBenchmark,
  harvestBenchmark,
  datastoreBenchmark,
  objectStorageBenchmark,
  pagesBenchmark,
  routingBenchmark,
  postcodesBenchmark,
  linksBenchmark,
  clusterBenchmark,
];

async function main(filters: string[]): Promise<number> {
  const chosen = BENCHMARKS.filter(
    (b) => filters.length === 0 || filters.some((f) => b.name.includes(f.toLowerCase())),
  );
  if (chosen.length === 0) {
    console.error(
      `No benchmark matches ${filters.join(', ')}. Benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
    return 2;
  }
  const summary: string[] = [];
  let failed = 0;
  for (const benchmark of chosen) {
    console.log(`\n=== ${benchmark.name}: ${benchmark.description}`);
    const started = performance.now();
    try {
      const lines = await benchmark.run();
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      summary.push(`${benchmark.name} (${seconds} s)`, ...lines.map((l) => `  ${l}`));
    } catch (err) {
      failed++;
      console.error(`\n${benchmark.name} failed:`, err);
      summary.push(
        `${benchmark.name}: FAILED (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }
  console.log(`\n=== Summary\n${summary.join('\n')}`);
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
