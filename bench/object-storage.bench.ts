import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { actorForUser, createUser } from '../src/features/accounts/index.js';
import { createDataset } from '../src/features/catalog/index.js';
import { queryResource, type QueryResult } from '../src/features/datastore/index.js';
import { createOrganisation } from '../src/features/organisations/organisation.service.js';
import type { AppContext } from '../src/context.js';
import { BlobCache } from '../src/platform/blobs/blob-cache.js';
import { startS3Server } from '../test/helpers/s3-server.js';
import { progress, setting, type Benchmark } from './lib/benchmark.js';
import { createBenchContext } from './lib/bench-context.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { int, ms, writeSection } from './lib/report.js';
import { ingestInProcess } from './datastore/ingest.js';
import { generateCsv } from './datastore/generate.js';

const DOCS = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
const log = progress('object-storage');

// BLOB_STORE=s3 against s3rver on loopback: a node that has never read a version downloads its
// Parquet file into CACHE_DIR at the first query; this measures what that costs against a query
// on a warm cache (which is what every later query, and the local store, pays).
const ROWS = setting('BENCH_S3_ROWS', 200_000);
const ROUNDS = setting('BENCH_S3_ROUNDS', 9);
const WARM = setting('BENCH_S3_WARM', 20);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

/** Empties the node's cache, as on a node that has just started. */
async function coldCache(ctx: AppContext) {
  await rm(ctx.config.cacheDir, { recursive: true, force: true });
  ctx.blobCache = new BlobCache(ctx.blobs, ctx.config.cacheDir, ctx.config.cacheMaxBytes);
}

export const objectStorageBenchmark: Benchmark = {
  name: 'object-storage',
  description: `first (cold cache) and later queries of a ${int(ROWS)}-row version on S3 (s3rver)`,
  async run() {
    const load = os.loadavg()[0] ?? 0;
    const s3 = await startS3Server('metrodata-bench');
    const bench = await createBenchContext('s3', s3.config);
    const { ctx } = bench;
    try {
      const file = path.join(ctx.config.dataDir, 'requests.csv');
      log(`generating ${int(ROWS)} rows`);
      await generateCsv(file, ROWS, os.availableParallelism());
      await createOrganisation(ctx, null, { slug: 'bench', name: 'Bench', kind: 'council' });
      const admin = await createUser(ctx, { email: 'b@example.org', name: 'B', siteAdmin: true });
      const actor = await actorForUser(ctx, admin.id, ['read', 'write']);
      await createDataset(ctx, actor, {
        slug: 'requests',
        title: 'Requests',
        organisation: 'bench',
        state: 'active',
        visibility: 'public',
      });
      log('uploading and loading');
      const { resourceId } = await ingestInProcess(ctx, actor, 'requests', file);
      const version = await ctx.db.kysely
        .selectFrom('datastore_versions')
        .select(['blob_key', 'size'])
        .where('resource_id', '=', resourceId)
        .executeTakeFirstOrThrow();
      const query = (): Promise<QueryResult> =>
        queryResource(ctx, actor, resourceId, {
          group_by: ['borough'],
          aggregates: [{ fn: 'count', as: 'n' }],
        });

      const download: number[] = [];
      const cold: number[] = [];
      const fills: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        log(`cold round ${i + 1} of ${ROUNDS}`);
        const body = await ctx.blobs.get(version.blob_key);
        const sink = new Writable({
          write(_chunk, _encoding, done) {
            done();
          },
        });
        download.push((await timed(() => pipeline(body, sink)))[0]);
        await coldCache(ctx);
        // What the first query pays, in two parts: the file into the cache, then the query.
        const [fill] = await timed(() => ctx.blobCache.localFile(version.blob_key));
        const [first] = await timed(query);
        fills.push(fill);
        cold.push(fill + first);
      }
      const warm: number[] = [];
      for (let i = 0; i < WARM; i++) warm.push((await timed(query))[0]);

      const mib = version.size / 1024 / 1024;
      const lines = [
        `Parquet file of ${int(ROWS)} rows: ${mib.toFixed(1)} MiB`,
        `download alone (GET streamed to nowhere): median ${ms(median(download))} ms ` +
          `(${(mib / (median(download) / 1000)).toFixed(0)} MiB/s)`,
        `first query on a cold node: median ${ms(median(cold))} ms of ${ROUNDS}, of which ` +
          `${ms(median(fills))} ms to download the file into CACHE_DIR`,
        `later queries (warm cache, as on the local store): median ${ms(median(warm))} ms of ${WARM}`,
      ];
      for (const l of lines) console.log(l);
      if (ROWS === 200_000) {
        await writeSection(
          DOCS,
          'object-storage',
          [
            '## Object storage',
            '',
            `${machineLine(describeMachine())}, ${new Date().toISOString().slice(0, 16)}Z, ` +
              `${bench.database}, load average ${load.toFixed(1)} as it started (other work on ` +
              `the machine). \`BLOB_STORE=s3\` against s3rver on loopback, ` +
              `\`npm run bench -- object-storage\`. DuckDB reads a version's Parquet file from ` +
              'the node-local cache (`CACHE_DIR`), so the first query of a version on a node ' +
              'that has never read it pays its download; every later query costs what it costs ' +
              'on the local store. The node that loaded a version puts its file in its cache as ' +
              'it stores it, so only the other nodes pay. The query counts the rows by borough ' +
              '(a scan of the whole file):',
            '',
            ...lines.map((l) => `- ${l}`),
            '',
            'Over a real network the download is bounded by bandwidth (5 MiB at 1 Gbit/s is ' +
              'about 45 ms more); a 2M-row version (about 50 MiB) costs a cold node about half a ' +
              'second on such a link, once.',
          ].join('\n'),
        );
      }
      return lines;
    } finally {
      await bench.cleanup();
      await s3.close();
    }
  },
};
