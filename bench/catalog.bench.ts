import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { progress, setting, type Benchmark } from './lib/benchmark.js';
import { createBenchContext } from './lib/bench-context.js';
import { catchUpQuality } from './lib/quality-catch-up.js';
import { runLoad } from './lib/load.js';
import { describeMachine, memoryMiB } from './lib/machine.js';
import { createRng } from './lib/prng.js';
import { ms, int, writeSection } from './lib/report.js';
import { ORGANISATIONS } from './catalog/organisations.js';
import { planCatalogue } from './catalog/plan.js';
import {
  catalogMarkdown,
  catalogText,
  searchOverall,
  targetLine,
  type CatalogResult,
} from './catalog/report.js';
import { measureSearches } from './catalog/search-latency.js';
import { SEARCH_CASES } from './catalog/search-queries.js';
import { seedCatalogue } from './catalog/seed.js';

const DOCS = fileURLToPath(new URL('../docs/performance.md', import.meta.url));

// The numbers; environment variables shrink a run while working on the benchmark, and a
// run that differs from these does not overwrite the published section.
const DEFAULTS = { datasets: 10_000, rounds: 25, durationS: 10, connections: 10 };

const log = progress('catalog');

async function run(): Promise<string[]> {
  const options = {
    datasets: setting('BENCH_CATALOG_DATASETS', DEFAULTS.datasets),
    rounds: setting('BENCH_ROUNDS', DEFAULTS.rounds),
    durationS: setting('BENCH_DURATION_S', DEFAULTS.durationS),
    connections: setting('BENCH_CONNECTIONS', DEFAULTS.connections),
  };
  const bench = await createBenchContext('catalog');
  const { ctx } = bench;
  const app = await buildApp(ctx, { logger: false });
  try {
    log(`database: ${bench.database}`);
    const plan = planCatalogue(options.datasets);
    // better-sqlite3 runs one statement at a time; a PostgreSQL pool can take several writers.
    const concurrency =
      ctx.db.dialect === 'postgres' ? Math.min(8, ctx.config.databasePoolSize) : 1;
    log(`generating ${int(plan.length)} datasets through the services…`);
    const seeded = await seedCatalogue(ctx, plan, concurrency, (done) => {
      log(`  ${int(done)} datasets`);
    });
    log(
      `generated in ${seeded.seconds.toFixed(1)} s (${int(seeded.datasets / seeded.seconds)} datasets/s)`,
    );
    await catchUpQuality(ctx, log);
    if (ctx.db.dialect === 'postgres') {
      // Production PostgreSQL auto-analyses a table within a minute of a bulk load; test servers
      // often run with autovacuum off, and without statistics the planner picks nested loops
      // that make one facet query take 20 s. Analyse the catalogue tables as autovacuum would.
      await sql`ANALYZE organisations, datasets, dataset_tags, dataset_themes, themes, resources, dataset_search`.execute(
        ctx.db.kysely,
      );
    }

    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    log(
      `searching: ${SEARCH_CASES.length} query strings × ${options.rounds} rounds, over HTTP and below…`,
    );
    const searches = await measureSearches(ctx, origin, SEARCH_CASES, options.rounds, 3);

    const visible = plan.filter(
      (d) => d.input.state === 'active' && d.input.visibility === 'public',
    );
    const slugs = createRng(7).shuffle(visible.map((d) => `/api/v1/datasets/${d.input.slug}`));
    const loads = [
      { name: 'GET /api/v1/datasets/{slug}', paths: slugs },
      { name: 'GET /api/v1/datasets?q=bus', paths: ['/api/v1/datasets?q=bus'] },
    ];
    const runs = [];
    for (const load of loads) {
      log(`load: ${load.name}, ${options.connections} connections, ${options.durationS} s…`);
      await runLoad({
        origins: [origin],
        paths: load.paths,
        connections: options.connections,
        durationS: 2,
      });
      const { connections, durationS } = options;
      const result = await runLoad({
        origins: [origin],
        paths: load.paths,
        connections,
        durationS,
      });
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(
          `${load.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`,
        );
      }
      runs.push({ name: load.name, result });
    }

    const result: CatalogResult = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine: describeMachine(),
      database: bench.database,
      dialect: ctx.db.dialect,
      catalogue: {
        datasets: seeded.datasets,
        publicActive: visible.length,
        privateOrDraft: plan.length - visible.length,
        resources: seeded.resources,
        organisations: ORGANISATIONS.length,
        themes: new Set(plan.flatMap((d) => d.input.themes ?? [])).size,
        tags: new Set(plan.flatMap((d) => d.input.tags ?? [])).size,
        seconds: seeded.seconds,
        concurrency,
      },
      rounds: options.rounds,
      searches,
      load: { connections: options.connections, durationS: options.durationS, runs },
      memory: memoryMiB(),
    };
    console.log(`\nCatalogue benchmark on ${ctx.db.dialect}\n`);
    console.log(catalogText(result));

    const published = Object.entries(DEFAULTS).every(
      ([key, value]) => options[key as keyof typeof options] === value,
    );
    const database = ctx.db.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    if (published) {
      await writeSection(
        DOCS,
        `catalog:${ctx.db.dialect}`,
        catalogMarkdown(result, `Catalogue on ${database}`),
      );
      log(`wrote the ${database} section of ${path.relative(process.cwd(), DOCS)}`);
    } else {
      log(
        `not writing ${path.relative(process.cwd(), DOCS)}: settings differ from ${JSON.stringify(DEFAULTS)}`,
      );
    }

    const search = searchOverall(result);
    const [read, busSearch] = runs;
    return [
      `database ${database}, ${int(seeded.datasets)} datasets generated at ${int(seeded.datasets / seeded.seconds)}/s`,
      `search over HTTP p50 ${ms(search.p50)} ms, p95 ${ms(search.p95)} ms, p99 ${ms(search.p99)} ms`,
      `GET dataset ${int(read?.result.requestsPerSecond ?? 0)} req/s; ` +
        `search q=bus ${int(busSearch?.result.requestsPerSecond ?? 0)} req/s`,
      targetLine(result).replace(/\*\*/g, ''),
    ];
  } finally {
    await app.close();
    await bench.cleanup();
  }
}

export const catalogBenchmark: Benchmark = {
  name: 'catalog',
  description: `catalogue search and reads over ${int(DEFAULTS.datasets)} generated datasets`,
  run,
};
