import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { linksDue, SWEEP_SPAN } from '../src/features/quality/links-due.js';
import { LINKS_PER_PASS } from '../src/features/quality/link-checker.js';
import type { Database } from '../src/platform/db/schema.js';
import { progress, setting, type Benchmark } from './lib/benchmark.js';
import { createBenchContext } from './lib/bench-context.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { summarise } from './lib/percentiles.js';
import { int, markdownTable, ms, textTable, type Table } from './lib/report.js';
import { writeSection } from './lib/report.js';
import { planCatalogue } from './catalog/plan.js';
import { seedCatalogue } from './catalog/seed.js';

const DOCS = fileURLToPath(new URL('../docs/performance.md', import.meta.url));

// Finding the links a link-check pass takes, at 100,000 resource links: the query it replaced
// (a join of every resource with its check, sorted) against links-due.ts (the index on
// `scheduled_from`, and a sweep of SWEEP_SPAN resources). Two states: just after an upgrade,
// nothing checked yet; and the steady state, every link checked within the last week, about
// 1% of them due again.

const DEFAULTS = { resources: 100_000, passes: 30 };
const WEEK_MS = 7 * 86_400_000;
const log = progress('links');

/** The query links-due.ts replaced, kept here as the baseline. */
const scanEveryResource = (db: Kysely<Database>, before: string, limit: number) =>
  db
    .selectFrom('resources as r')
    .innerJoin('datasets as d', 'd.id', 'r.dataset_id')
    .leftJoin('link_checks as l', 'l.resource_id', 'r.id')
    .select(['r.id as resource_id', 'r.dataset_id', 'r.url'])
    .where('d.state', '!=', 'deleted')
    .where('r.url', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('l.checked_at', 'is', null),
        eb('l.checked_at', '<', before),
        eb('l.url', '!=', eb.ref('r.url')),
      ]),
    )
    .orderBy('l.checked_at')
    .orderBy('r.id')
    .limit(limit)
    .execute();

async function timed(passes: number, work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < passes; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return summarise(times);
}

/** Every link checked at a time spread over the last week and an hour: ~1% due again. */
async function checkEverything(db: Kysely<Database>, now: number) {
  const links = await db.selectFrom('resources').select(['id', 'url']).execute();
  const span = WEEK_MS + 3_600_000;
  for (let i = 0; i < links.length; i += 500) {
    const rows = links.slice(i, i + 500).map((r, j) => {
      const at = new Date(now - (((i + j) * 7919) % links.length) * (span / links.length));
      return {
        resource_id: r.id,
        url: r.url ?? '',
        status: 200,
        error: null,
        duration_ms: 50,
        checked_at: at.toISOString(),
        scheduled_from: at.toISOString(),
      };
    });
    await db.insertInto('link_checks').values(rows).execute();
  }
  return links.length;
}

async function run(): Promise<string[]> {
  const wanted = setting('BENCH_LINK_RESOURCES', DEFAULTS.resources);
  const passes = setting('BENCH_PASSES', DEFAULTS.passes);
  const bench = await createBenchContext('links', { sqliteCacheMib: 512 });
  try {
    const { ctx } = bench;
    const db = ctx.db.kysely;
    // The generated catalogue has 1.55 links a dataset on average: enough datasets for `wanted`.
    const plan = planCatalogue(Math.ceil(wanted / 1.4));
    let total = 0;
    const chosen = plan.filter((d) => (total += d.resources.length) - d.resources.length < wanted);
    log(`generating ${int(chosen.length)} datasets with their links…`);
    const seeded = await seedCatalogue(
      ctx,
      chosen,
      1,
      (n) => {
        log(`  ${int(n)} datasets`);
      },
      500,
    );
    log(`${int(seeded.resources)} links in ${seeded.seconds.toFixed(0)} s`);
    const now = Date.now();
    const before = new Date(now - WEEK_MS).toISOString();
    const rows: Table['rows'] = [];
    const measure = async (state: string) => {
      const old = await timed(passes, () => scanEveryResource(db, before, LINKS_PER_PASS));
      const next = await timed(passes, () => linksDue(db, before, LINKS_PER_PASS));
      rows.push([state, 'every resource joined and sorted (before)', ms(old.p50), ms(old.max)]);
      rows.push([state, 'index and sweep (links-due.ts)', ms(next.p50), ms(next.max)]);
      log(`${state}: before p50 ${ms(old.p50)} ms, after p50 ${ms(next.p50)} ms`);
    };
    await measure('nothing checked yet');
    const checked = await checkEverything(db, now);
    log(`recorded ${int(checked)} checks`);
    await measure('all checked, ~1% due');
    const table: Table = { head: ['state', 'query', 'p50 ms', 'max ms'], rows };
    console.log(textTable(table));
    const markdown = [
      `## Link checks due at ${int(seeded.resources)} links on ${ctx.db.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}`,
      '',
      `- Run: ${new Date().toISOString().slice(0, 19)}Z; ${machineLine(describeMachine())}`,
      `- Database: ${bench.database}`,
      `- Catalogue: ${int(seeded.datasets)} generated datasets with ${int(seeded.resources)} resource links; each query run ${String(passes)} times for a pass of ${String(LINKS_PER_PASS)} links, the sweep ${int(SWEEP_SPAN)} resources a pass`,
      '',
      markdownTable(table),
    ].join('\n');
    if (wanted === DEFAULTS.resources) {
      await writeSection(DOCS, `links:${ctx.db.dialect}`, markdown);
    }
    return rows.map((r) => r.join(': '));
  } finally {
    await bench.cleanup();
  }
}

export const linksBenchmark: Benchmark = {
  name: 'links',
  description: 'finding the links a link-check pass takes, at 100,000 links',
  run,
};
