import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.js';
import { anonymous } from '../src/features/accounts/index.js';
import { searchCatalogue } from '../src/features/catalog/index.js';
import { seedDemo } from '../src/demo/seed.js';
import { progress, setting, type Benchmark } from './lib/benchmark.js';
import { createBenchContext } from './lib/bench-context.js';
import { describeMachine } from './lib/machine.js';
import { writeSection } from './lib/report.js';
import { pageCases } from './pages/cases.js';
import { pagesMarkdown, pagesText, targetLine, type PagesResult } from './pages/report.js';

const DOCS = fileURLToPath(new URL('../docs/performance.md', import.meta.url));

// The large service-requests file is 1M rows in the real demo; the pages read only its catalogue
// row and its version's metadata, so a smaller file measures the same work in less setup time.
const DEFAULTS = { rounds: 30, largeRows: 20_000 };

const log = progress('pages');

async function run(): Promise<string[]> {
  const options = {
    rounds: setting('BENCH_ROUNDS', DEFAULTS.rounds),
    largeRows: setting('BENCH_PAGES_LARGE_ROWS', DEFAULTS.largeRows),
  };
  const bench = await createBenchContext('pages');
  const { ctx } = bench;
  const app = await buildApp(ctx, { logger: false });
  try {
    log(`database: ${bench.database}`);
    log(`seeding the demo region (large file at ${options.largeRows} rows)…`);
    const started = performance.now();
    const seeded = await seedDemo(ctx, { force: false, largeRows: options.largeRows });
    const seconds = (performance.now() - started) / 1000;
    await app.ready();

    const all = await searchCatalogue(ctx, anonymous, { per_page: 100, sort: 'title' });
    const slugs = all.results.map((r) => r.slug);
    const organisation = all.facets.organisation[0]?.value ?? 'unknown';
    const cases = pageCases(slugs, organisation);

    const timeOne = async (url: string): Promise<number> => {
      const t0 = performance.now();
      const res = await app.inject(url);
      const elapsed = performance.now() - t0;
      if (res.statusCode !== 200)
        throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return elapsed;
    };
    log(`warming up, then ${options.rounds} rounds over ${cases.length} kinds of page…`);
    for (let i = 0; i < 3; i++) for (const c of cases) for (const url of c.urls) await timeOne(url);
    const loadAverage = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
    const samples = cases.map((pageCase) => ({ pageCase, ms: [] as number[] }));
    // Rounds interleave the kinds of page, so a noisy moment on the machine touches them all.
    for (let round = 0; round < options.rounds; round++) {
      for (const sample of samples) {
        for (const url of sample.pageCase.urls) sample.ms.push(await timeOne(url));
      }
    }

    const result: PagesResult = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine: describeMachine(),
      database: bench.database,
      demo: { ...seeded, largeRows: options.largeRows, seconds },
      rounds: options.rounds,
      loadAverage,
      samples,
    };
    console.log(`\nPage benchmark on ${ctx.db.dialect}\n`);
    console.log(pagesText(result));

    const database = ctx.db.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const published = Object.entries(DEFAULTS).every(
      ([key, value]) => options[key as keyof typeof options] === value,
    );
    if (published) {
      await writeSection(
        DOCS,
        `pages:${ctx.db.dialect}`,
        pagesMarkdown(result, `Pages on ${database}`),
      );
      log(`wrote the ${database} section of ${path.relative(process.cwd(), DOCS)}`);
    } else {
      log(
        `not writing ${path.relative(process.cwd(), DOCS)}: settings differ from ${JSON.stringify(DEFAULTS)}`,
      );
    }
    return [`database ${database}`, targetLine(result).replace(/\*\*/g, '')];
  } finally {
    await app.close();
    await bench.cleanup();
  }
}

export const pagesBenchmark: Benchmark = {
  name: 'pages',
  description: 'server time of the dataset page, search results and other pages on the demo data',
  run,
};
