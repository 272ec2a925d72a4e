import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createReadStream, openAsBlob } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../src/context.js';
import type { Actor } from '../../src/features/accounts/index.js';
import { findResource, addFileResource } from '../../src/features/catalog/index.js';
import { runLoad } from '../../src/features/datastore/load-queue.js';
import { createLoad } from '../../src/features/datastore/load.service.js';
import { ingestFile } from '../../src/features/datastore/ingest.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Engine } from '../../src/platform/engine/engine.js';
import { VERSION_PARQUET } from '../../src/features/datastore/sql/copy.js';
import { sqlString } from '../../src/platform/engine/sql.js';
import type { DatastoreLoad } from '../../src/platform/db/schema.js';

const since = (t: number) => (performance.now() - t) / 1000;

interface LoadView {
  id: string;
  status: string;
  error: string | null;
  report: { rows: number; seconds: number; fields: { name: string; type: string }[] } | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface HttpIngest {
  seconds: number;
  resourceId: string;
  rows: number;
  /** From sending the request until the load was queued: upload, SHA-256 and blob copy. */
  uploadSeconds: number;
  /** The load itself (queued to finished), from its timestamps. */
  loadSeconds: number;
  /** Of which waiting in the queue (queued to started). */
  queueSeconds: number;
  /** Of which ingestFile, as the load's report times it. */
  ingestSeconds: number;
  fields: { name: string; type: string }[];
  client: 'curl' | 'fetch';
}

/** Runs curl with `args`; its standard output, or a rejection with its error output. */
function curl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString());
      else reject(new Error(`curl exited with ${code}: ${Buffer.concat(err).toString()}`));
    });
  });
}

/** True when a curl binary answers (the upload client of choice, see ingestOverHttp). */
export const hasCurl = () =>
  curl(['--version']).then(
    () => true,
    () => false,
  );

/**
 * `POST /api/v1/datasets/{slug}/resources?wait=true` with the file as multipart, timed until the
 * answer: the file is then stored, loaded and queryable. The client is curl, streaming from disk
 * in another process: Node's own fetch + FormData spends about 4 s just sending 295 MB on a
 * 2-core machine (measured against a server that discards the body), which would be counted
 * against the server. Without curl, fetch with fs.openAsBlob is used and the report says so.
 */
export async function ingestOverHttp(
  origin: string,
  token: string,
  slug: string,
  file: string,
  client: 'curl' | 'fetch',
): Promise<HttpIngest> {
  const url = `${origin}/api/v1/datasets/${slug}/resources?wait=true`;
  const name = 'Service requests (HTTP upload)';
  const startedAt = Date.now();
  const started = performance.now();
  let status: number;
  let text: string;
  if (client === 'curl') {
    const out = await curl([
      '-sS',
      '-X',
      'POST',
      '-H',
      `authorization: Bearer ${token}`,
      '-F',
      `name=${name}`,
      '-F',
      'format=CSV',
      '-F',
      `file=@${file};filename=${path.basename(file)};type=text/csv`,
      '-w',
      '\n%{http_code}',
      url,
    ]);
    const cut = out.lastIndexOf('\n');
    status = Number(out.slice(cut + 1));
    text = out.slice(0, cut);
  } else {
    const form = new FormData();
    form.append('name', name);
    form.append('format', 'CSV');
    form.append('file', await openAsBlob(file, { type: 'text/csv' }), path.basename(file));
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    status = res.status;
    text = await res.text();
  }
  const seconds = since(started);
  const body = JSON.parse(text) as { id?: string; datastore?: { load?: LoadView } };
  const load = body.datastore?.load;
  if (status !== 201 || !body.id || load?.status !== 'succeeded' || !load.report) {
    throw new Error(`upload answered ${status}: ${text.slice(0, 1000)}`);
  }
  const created = Date.parse(load.created_at);
  const finished = Date.parse(load.finished_at ?? load.created_at);
  return {
    seconds,
    resourceId: body.id,
    rows: load.report.rows,
    uploadSeconds: (created - startedAt) / 1000,
    loadSeconds: (finished - created) / 1000,
    queueSeconds: (Date.parse(load.started_at ?? load.created_at) - created) / 1000,
    ingestSeconds: load.report.seconds,
    fields: load.report.fields,
    client,
  };
}

/**
 * What the upload clients cost on their own: the same multipart upload to a local server that
 * reads and discards the body, seconds (curl null when it is not installed).
 */
export async function uploadClientCost(
  file: string,
  withCurl: boolean,
): Promise<{ curl: number | null; fetch: number }> {
  const sink = createServer((req, res) => {
    req.resume();
    req.once('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const address = sink.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  try {
    let started = performance.now();
    const form = new FormData();
    form.append('file', await openAsBlob(file), path.basename(file));
    await (await fetch(url, { method: 'POST', body: form })).text();
    const fetchSeconds = since(started);
    let curlSeconds: number | null = null;
    if (withCurl) {
      started = performance.now();
      await curl(['-sS', '-o', '/dev/null', '-F', `file=@${file}`, url]);
      curlSeconds = since(started);
    }
    return { curl: curlSeconds, fetch: fetchSeconds };
  } finally {
    sink.close();
  }
}

export interface InProcessIngest {
  /** addFileResource: the file streamed into the blob store with its SHA-256. */
  storeSeconds: number;
  /** createLoad + runLoad: ingest, Parquet, stats, publish; once per load of the file. */
  loadRuns: number[];
  /** The ingest as runLoad's report times it (without storing the Parquet file and publishing). */
  reportSeconds: number;
  resourceId: string;
  rows: number;
}

/** The same through the services, without HTTP: store the file, then createLoad + runLoad. */
export async function ingestInProcess(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  file: string,
): Promise<InProcessIngest> {
  let started = performance.now();
  const created = await addFileResource(ctx, actor, slug, {
    fileName: path.basename(file),
    stream: createReadStream(file),
    name: 'Service requests (services)',
    format: 'CSV',
  });
  const storeSeconds = since(started);
  const resource = (await findResource(ctx, created.id))?.resource;
  if (!resource) throw new Error(`no resource ${created.id}`);
  started = performance.now();
  const queued = await createLoad(ctx, resource, actor.user?.id ?? null);
  const load: DatastoreLoad = await runLoad(ctx, queued.id);
  const loadSeconds = since(started);
  if (load.status !== 'succeeded' || !load.report) {
    throw new Error(`runLoad ended ${load.status}: ${load.error ?? ''}`);
  }
  const report = JSON.parse(load.report) as { rows: number; seconds: number };
  return {
    storeSeconds,
    loadRuns: [loadSeconds],
    reportSeconds: report.seconds,
    resourceId: resource.id,
    rows: report.rows,
  };
}

/** createLoad + runLoad again on a resource already loaded (version n+1), seconds. */
export async function reloadInProcess(
  ctx: AppContext,
  actor: Actor,
  resourceId: string,
  rows: number,
): Promise<number> {
  const resource = (await findResource(ctx, resourceId))?.resource;
  if (!resource) throw new Error(`no resource ${resourceId}`);
  const started = performance.now();
  const load = await runLoad(ctx, (await createLoad(ctx, resource, actor.user?.id ?? null)).id);
  const seconds = since(started);
  if (load.status !== 'succeeded' || !load.report) {
    throw new Error(`runLoad ended ${load.status}: ${load.error ?? ''}`);
  }
  const report = JSON.parse(load.report) as { rows: number };
  if (report.rows !== rows) throw new Error(`runLoad loaded ${report.rows} rows`);
  return seconds;
}

export interface Phase {
  name: string;
  seconds: number;
  note?: string;
}

export interface Breakdown {
  /** ingestFile's time by kind of statement, in order of first appearance, then the rest. */
  phases: Phase[];
  /** ingestFile from call to return. */
  ingestSeconds: number;
  /** Alternatives measured on the same engine and file. */
  alternatives: Phase[];
}

interface Statement {
  sql: string;
  ms: number;
}

/** What a statement of the load is for, by its SQL. */
function phaseOf(sql: string): string {
  const s = sql.trim();
  if (s.includes('sniff_csv')) return 'sniff the CSV: dialect, then times (sniff_csv)';
  if (/^CREATE TEMP TABLE direct_sample/i.test(s)) return 'read the first 20,480 rows (sample)';
  if (/direct_sample/i.test(s)) return 'guess types from the sample (readings, midnight)';
  if (/^COPY \(SELECT .*read_csv.*\) TO .*RETURN_STATS/is.test(s)) {
    return 'one pass: read, check, convert and write the Parquet file (COPY … zstd, RETURN_STATS)';
  }
  if (/^DROP TABLE IF EXISTS csv_rejects|error_type, count/i.test(s)) return 'read rejected lines';
  if (/^CREATE TEMP TABLE staging AS SELECT \* FROM read_csv/i.test(s)) {
    const typed = !s.includes('all_varchar = true');
    const serial = s.includes('parallel = false');
    return `read the CSV into a temporary table (${typed ? 'DuckDB types' : 'all text'}${serial ? ', parallel = false' : ''})`;
  }
  if (/^DROP TABLE IF EXISTS staging/i.test(s))
    return 'read the CSV into a temporary table (failed typed read dropped)';
  if (s.includes('csv_rejects')) return 'read rejected lines';
  if (/^DESCRIBE|count\(\*\) AS n FROM staging$/i.test(s)) return 'describe and count the table';
  if (/"(untidy|midnight|nulls)_\d+"/.test(s) && /FROM staging$/i.test(s)) {
    return 'profile the table: statistics, text to trim, dates (profileColumns, one pass)';
  }
  if (/FILTER \(WHERE/i.test(s)) return 'infer types of text columns (count(*) FILTER per reading)';
  if (/^COPY .* TO .*parquet/is.test(s)) return 'convert and write the Parquet file (COPY … zstd)';
  if (/"samples_\d+"/.test(s)) return 'sample values (first rows of the Parquet file)';
  if (/parquet_metadata|approx_count_distinct|count\(DISTINCT/i.test(s)) {
    return 'distinct values (the file footer, then one read of the Parquet file)';
  }
  if (/^DROP TABLE staging/i.test(s)) return 'drop the temporary table';
  return 'other statements';
}

const wrapStatement = <T extends object>(target: T, sql: string, log: Statement[]): T =>
  new Proxy(target, {
    get(t, prop, receiver) {
      const value: unknown = Reflect.get(t, prop, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === 'run' || prop === 'runAndReadAll') {
        return async (...args: unknown[]) => {
          const started = performance.now();
          try {
            return await fn.apply(t, args);
          } finally {
            log.push({ sql, ms: performance.now() - started });
          }
        };
      }
      return fn.bind(t);
    },
  });

const wrapConnection = <T extends object>(target: T, log: Statement[]): T =>
  new Proxy(target, {
    get(t, prop, receiver) {
      const value: unknown = Reflect.get(t, prop, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === 'prepare') {
        return async (sql: string) => wrapStatement((await fn.call(t, sql)) as object, sql, log);
      }
      if (prop === 'run' || prop === 'runAndReadAll') {
        return async (sql: string, ...rest: unknown[]) => {
          const started = performance.now();
          try {
            return await fn.call(t, sql, ...rest);
          } finally {
            log.push({ sql, ms: performance.now() - started });
          }
        };
      }
      return fn.bind(t);
    },
  });

/** The app's engine, with every statement run through it timed into `log`. */
function timingEngine(engine: Engine, log: Statement[]): Engine {
  return new Proxy(engine, {
    get(t, prop, receiver) {
      if (prop === 'connect') {
        return async () => wrapConnection(await t.connect(), log);
      }
      if (prop === 'with') {
        return <R>(fn: (c: DuckDBConnection) => Promise<R>) =>
          t.with((c) => fn(wrapConnection(c, log)));
      }
      const value: unknown = Reflect.get(t, prop, receiver);
      // Methods such as all() and run() call this.with(): bound to the proxy, they are timed too.
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(receiver)
        : value;
    },
  });
}

/**
 * Where runLoad's time goes: the app's own ingestFile on the app's engine, with every DuckDB
 * statement it runs timed and grouped by what it is for (no replica of ingest.ts: whatever the
 * load does today is what is measured); time outside DuckDB is the rest. Then what a copy of the
 * Parquet file into the blob store costs (runLoad writes the file in place on a local store), and
 * DuckDB's own typed read straight to Parquet as the floor.
 */
export async function ingestBreakdown(
  ctx: AppContext,
  file: string,
  workDir: string,
): Promise<Breakdown> {
  const log: Statement[] = [];
  const engine = timingEngine(ctx.engine, log);
  let started = performance.now();
  const result = await ingestFile({ engine, file, format: 'CSV', workDir });
  const ingestSeconds = since(started);
  const byPhase = new Map<string, { ms: number; statements: number }>();
  for (const s of log) {
    const name = phaseOf(s.sql);
    const entry = byPhase.get(name) ?? { ms: 0, statements: 0 };
    entry.ms += s.ms;
    entry.statements += 1;
    byPhase.set(name, entry);
  }
  const inDuckDb = log.reduce((sum, s) => sum + s.ms, 0) / 1000;
  const phases: Phase[] = [...byPhase].map(([name, e]) => ({
    name,
    seconds: e.ms / 1000,
    note: `${e.statements} statement${e.statements === 1 ? '' : 's'}`,
  }));
  phases.push({
    name: 'outside DuckDB (header parse, encoding check, Node)',
    seconds: Math.max(0, ingestSeconds - inDuckDb),
  });
  const alternatives: Phase[] = [];
  try {
    const serialRead = log.find(
      (st) =>
        /^CREATE TEMP TABLE staging AS/i.test(st.sql.trim()) && st.sql.includes('parallel = false'),
    );
    if (serialRead) {
      const parallel = serialRead.sql
        .replace(/,\s*parallel = false/, '')
        .replace('CREATE TEMP TABLE staging AS', 'CREATE TEMP TABLE staging_parallel AS');
      started = performance.now();
      await ctx.engine.with(async (c) => {
        await c.run(parallel);
        await c.run('DROP TABLE staging_parallel');
      });
      alternatives.push({
        name: 'the same staging read without parallel = false',
        seconds: since(started),
        note: `${(serialRead.ms / 1000).toFixed(1)} s with it (set because the first 64 KiB of the file hold a quote)`,
      });
    }
    started = performance.now();
    const key = `bench-datastore/breakdown-${Date.now()}.parquet`;
    await ctx.blobs.put(key, createReadStream(result.parquetFile));
    alternatives.push({
      name: 'a copy of the Parquet file into the blob store (BlobStore.put)',
      seconds: since(started),
      note: `${(await stat(result.parquetFile)).size.toLocaleString('en-GB')} bytes with SHA-256; runLoad writes in place on a local store instead`,
    });
    await ctx.blobs.delete(key);
    started = performance.now();
    await ctx.engine.with((c) =>
      c.run(
        `COPY (SELECT * FROM read_csv(${sqlString(file)})) TO ` +
          `${sqlString(path.join(workDir, 'direct.parquet'))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
      ),
    );
    alternatives.push({
      name: 'floor: DuckDB types (read_csv auto-detect) straight to Parquet, same engine',
      seconds: since(started),
      note: 'DuckDB’s default Parquet settings; no inference, no checks, no statistics',
    });
    started = performance.now();
    await ctx.engine.with((c) =>
      c.run(
        `COPY (SELECT * FROM read_csv(${sqlString(file)})) TO ` +
          `${sqlString(path.join(workDir, 'direct-v2.parquet'))} (${VERSION_PARQUET})`,
      ),
    );
    alternatives.push({
      name: 'floor with the versions’ Parquet settings (Parquet 2 encodings, 30,720-row groups)',
      seconds: since(started),
      note: 'the same, written as the load writes its files',
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return { phases, ingestSeconds, alternatives };
}

export const fileMiB = async (file: string) => (await stat(file)).size / 2 ** 20;
