import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { actorForUser, createUser } from '../src/features/accounts/index.js';
import { createSource, runHarvest } from '../src/features/harvest/index.js';
import { progress, setting, type Benchmark } from './lib/benchmark.js';
import { createBenchContext } from './lib/bench-context.js';
import { catchUpQuality } from './lib/quality-catch-up.js';
import { describeMachine, memoryMiB } from './lib/machine.js';
import { summarise } from './lib/percentiles.js';
import { int, writeSection } from './lib/report.js';
import { ORGANISATIONS } from './catalog/organisations.js';
import { planCatalogue } from './catalog/plan.js';
import { SEARCH_CASES } from './catalog/search-queries.js';
import { seedCatalogue } from './catalog/seed.js';
import { startCkanSource } from './harvest/ckan-source.js';
import {
  harvestMarkdown,
  harvestText,
  slowestQueries,
  type HarvestResult,
} from './harvest/report.js';
import { startVisitor, type SearchVisitor } from './harvest/search-during.js';

const DOCS = fileURLToPath(new URL('../docs/performance.md', import.meta.url));

// The numbers: search over 100,000 datasets while a harvest writes 10,000 of them (the
// catalogue starts with 90,000), and the harvest itself within two minutes. Environment
// variables shrink a run; a run that differs does not overwrite the published section.
const DEFAULTS = { datasets: 100_000, harvested: 10_000 };
const TARGET_MS = { sqlite: 25, postgres: 40 } as const;
const HARVEST_TARGET_S = 120;
const SEED_CACHE_MIB = 512;

const log = progress('harvest');

async function run(): Promise<string[]> {
  const options = {
    datasets: setting('BENCH_HARVEST_DATASETS', DEFAULTS.datasets),
    harvested: setting('BENCH_HARVEST_ITEMS', DEFAULTS.harvested),
  };
  if (options.harvested >= options.datasets)
    throw new Error('the harvest must be part of the catalogue');
  const settings = { outboundAllowedPrivate: '127.0.0.1', harvestMaxItems: options.harvested };
  // Generating the catalogue commits 500 datasets at a time, which needs a large page cache (see
  // docs/configuration.md); the run itself opens the database again with the configured cache.
  const bench = await createBenchContext('harvest', {
    ...settings,
    sqliteCacheMib: SEED_CACHE_MIB,
  });
  let ctx = bench.ctx;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const source = await startCkanSource(planCatalogue(options.harvested, 77));
  let visitor: SearchVisitor | undefined;
  try {
    log(`database: ${bench.database}`);
    const base = options.datasets - options.harvested;
    const concurrency = ctx.db.dialect === 'postgres' ? 4 : 1;
    log(`generating ${int(base)} datasets through the services, 500 per commit…`);
    const seeded = await seedCatalogue(
      ctx,
      planCatalogue(base),
      concurrency,
      (done) => {
        if (done % 10_000 === 0) log(`  ${int(done)} datasets`);
      },
      500,
    );
    log(`generated in ${seeded.seconds.toFixed(0)} s`);
    ctx = await bench.reopen(settings);
    await catchUpQuality(ctx, log);
    app = await buildApp(ctx, { logger: false });
    if (ctx.db.dialect === 'postgres') {
      // As autovacuum would soon after a bulk load (see catalog.bench.ts).
      await sql`ANALYZE organisations, datasets, dataset_tags, dataset_themes, themes, resources, dataset_search`.execute(
        ctx.db.kysely,
      );
    }
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    visitor = startVisitor(origin, SEARCH_CASES);

    const admin = await createUser(ctx, {
      email: 'harvest-bench@example.org',
      name: 'Harvest bench',
      siteAdmin: true,
    });
    const actor = await actorForUser(ctx, admin.id, ['read', 'write']);
    const organisation = ORGANISATIONS[0]?.slug ?? '';
    const harvestSource = await createSource(ctx, actor, {
      organisation,
      title: 'Loopback CKAN portal',
      url: source.url,
      type: 'ckan',
    });

    log('searching the quiet catalogue (index load, then 3 rounds)…');
    // The first search loads the index; the rest of that round warms the text caches.
    const warming = await visitor.rounds(1);
    const indexLoadMs = warming[0] ?? 0;
    const quiet = await visitor.rounds(3);

    log(`harvesting ${int(options.harvested)} datasets while searching…`);
    const started = performance.now();
    const during = await visitor.during(runHarvest(ctx, harvestSource.id));
    const harvestSeconds = (performance.now() - started) / 1000;
    const first = during.result;
    if (first.status !== 'succeeded' || first.created !== options.harvested) {
      const failures = await ctx.db.kysely
        .selectFrom('harvest_items')
        .select('error')
        .where('run_id', '=', first.id)
        .where('action', '=', 'failed')
        .limit(3)
        .execute();
      throw new Error(
        `harvest ${first.status}: ${first.created} created, ${first.failed} failed, ${first.error ?? ''}` +
          failures.map((f) => `\n  ${f.error ?? ''}`).join(''),
      );
    }
    log(`harvested in ${harvestSeconds.toFixed(1)} s; searching after it…`);
    const after = await visitor.rounds(3);

    log('harvesting again, nothing changed…');
    const againStarted = performance.now();
    const again = await runHarvest(ctx, harvestSource.id);
    const againSeconds = (performance.now() - againStarted) / 1000;

    const result: HarvestResult = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine: describeMachine(),
      database: bench.database,
      dialect: ctx.db.dialect,
      datasets: options.datasets,
      harvested: options.harvested,
      seeding: { datasets: seeded.datasets, seconds: seeded.seconds, concurrency },
      sqliteCacheMib:
        ctx.db.dialect === 'sqlite'
          ? { seeding: SEED_CACHE_MIB, run: ctx.config.sqliteCacheMib }
          : null,
      indexLoadMs,
      quiet: summarise(quiet),
      during: summarise(during.samples),
      after: summarise(after),
      harvest: { seconds: harvestSeconds, created: first.created, requests: source.requests() },
      again: { seconds: againSeconds, unchanged: again.unchanged },
      searchTargetMs: TARGET_MS[ctx.db.dialect],
      harvestTargetS: HARVEST_TARGET_S,
      memory: memoryMiB(),
      slowest: slowestQueries(
        during.samples,
        SEARCH_CASES.map((c) => c.query),
      ),
    };
    console.log(`\nHarvest and search benchmark on ${ctx.db.dialect}\n`);
    console.log(harvestText(result));
    const database = ctx.db.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const published =
      options.datasets === DEFAULTS.datasets && options.harvested === DEFAULTS.harvested;
    if (published) {
      await writeSection(
        DOCS,
        `harvest:${ctx.db.dialect}`,
        harvestMarkdown(result, `Harvest and search at 100,000 datasets on ${database}`),
      );
      log(`wrote the ${database} section of ${path.relative(process.cwd(), DOCS)}`);
    }
    return harvestText(result).split('\n').slice(-2);
  } finally {
    await visitor?.close();
    await source.close();
    await app?.close();
    await bench.cleanup();
  }
}

export const harvestBenchmark: Benchmark = {
  name: 'harvest',
  description: `search over ${int(DEFAULTS.datasets)} datasets while a harvest writes ${int(DEFAULTS.harvested)}`,
  run,
};
