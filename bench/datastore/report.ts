import { EXPORT_MEMORY_LIMIT, EXPORT_THREADS } from '../../src/features/datastore/export-engine.js';
import { machineLine, type Machine } from '../lib/machine.js';
import { summarise } from '../lib/percentiles.js';
import { int, markdownTable, ms, textTable, type Table } from '../lib/report.js';
import type { ExportResult } from './export.js';
import type { Breakdown, HttpIngest, InProcessIngest } from './ingest.js';
import type { CaseSamples, CursorWalk } from './queries.js';
import type { Concurrency, XlsxExport } from './load-tests.js';
import { loadTargetRows, loadTestLines } from './report-load.js';

export const TARGETS = {
  ingestVsDuckDb: 1.5,
  ingestVsPostgres: 3,
  queryVsDuckDb: 2,
  deepVsFirst: 1.25,
  exportMBps: 100,
  exportRssMB: 400,
  /** Constant memory: what a CSV export may add to the server's RSS, whatever its size. */
  exportGrowthMiB: 64,
};

export interface PgIngest {
  version: string;
  settings: Record<string, string>;
  file: { seconds: number; rows: number } | { error: string };
  stdin: { seconds: number; rows: number } | { error: string };
  indexes: { why: string; seconds: number }[];
  analyseSeconds: number;
}

export interface DatastoreResult {
  date: string;
  machine: Machine;
  database: string;
  duckdbVersion: string;
  threads: number;
  memoryLimit: string;
  load: { before: string; after: string };
  data: { rows: number; bytes: number; generateSeconds: number; columns: string[] };
  ingest: {
    duckdb: number[];
    /** The upload of median time of `httpRuns`. */
    http: HttpIngest;
    httpRuns: HttpIngest[];
    clientCost: { curl: number | null; fetch: number };
    inProcess: InProcessIngest;
    uploadPeakRss: number | null;
    serverIdleRss: number;
    breakdown: Breakdown | null;
  };
  pg: PgIngest | { error: string };
  queries: { rounds: number; warmup: number; cases: CaseSamples[] };
  walks: { byId: CursorWalk; sorted: CursorWalk };
  export: ExportResult;
  duckExport: { bytes: number; seconds: number };
  xlsx: XlsxExport;
  concurrency: Concurrency;
}

const s = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : '-');
const median = (values: number[]) => summarise(values).p50;
/** The services' load as the targets compare it: the median of its runs. */
export const servicesLoad = (r: DatastoreResult) => median(r.ingest.inProcess.loadRuns);
/** The same for the uploads: the median of their loads in the server, and of their totals. */
const httpLoad = (r: DatastoreResult) => median(r.ingest.httpRuns.map((h) => h.loadSeconds));
const httpTotal = (r: DatastoreResult) => median(r.ingest.httpRuns.map((h) => h.seconds));
const mb = (bytes: number) => bytes / 1e6;
const MIB_PER_MB = 1e6 / 2 ** 20;

export const pgCopySeconds = (pg: DatastoreResult['pg']) => {
  if ('error' in pg) return Number.NaN;
  const times = [pg.file, pg.stdin].flatMap((c) => ('error' in c ? [] : [c.seconds]));
  return times.length ? Math.min(...times) : Number.NaN;
};

const met = (t: TargetRow) =>
  t.informative ? '-' : t.ok === null ? 'n/a' : t.ok ? 'met' : '**missed**';

export interface TargetRow {
  what: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  /** Null when it could not be measured (PostgreSQL not reachable) or has no target. */
  ok: boolean | null;
  /** Shown beside the targets for context, with none of its own. */
  informative?: true;
}

export function targetRows(r: DatastoreResult): TargetRow[] {
  const duck = median(r.ingest.duckdb);
  const pg = pgCopySeconds(r.pg);
  const pgWhich =
    'error' in r.pg
      ? 'PostgreSQL not reachable'
      : !('error' in r.pg.file) && r.pg.file.seconds === pg
        ? 'PostgreSQL COPY FROM file'
        : 'PostgreSQL COPY FROM STDIN (psql \\copy)';
  const rows: TargetRow[] = [
    {
      what: `Ingest to queryable, createLoad + runLoad (file already stored; median of ${r.ingest.inProcess.loadRuns.length}), s`,
      ours: s(servicesLoad(r)),
      baseline: `${s(duck)} (DuckDB COPY read_csv to zstd Parquet)`,
      ratio: x(servicesLoad(r) / duck),
      target: `≤ ${TARGETS.ingestVsDuckDb}x`,
      ok: servicesLoad(r) / duck <= TARGETS.ingestVsDuckDb,
    },
    {
      what: `Ingest to queryable in the server after an HTTP upload (its load, queued → finished; median of ${r.ingest.httpRuns.length}), s`,
      ours: s(httpLoad(r)),
      baseline: `${s(duck)} (DuckDB COPY read_csv to zstd Parquet)`,
      ratio: x(httpLoad(r) / duck),
      target: `≤ ${TARGETS.ingestVsDuckDb}x`,
      ok: httpLoad(r) / duck <= TARGETS.ingestVsDuckDb,
    },
    {
      // DuckDB's baseline reads a file already on disk: the 295 MB sent over loopback, hashed
      // and stored is on top, so this row has no target of its own.
      what: `HTTP upload to queryable, total (request sent → 201 with the load succeeded; median of ${r.ingest.httpRuns.length}), s`,
      ours: s(httpTotal(r)),
      baseline: `${s(duck)} (DuckDB COPY read_csv to zstd Parquet)`,
      ratio: x(httpTotal(r) / duck),
      target: 'none: includes the transfer',
      ok: null,
      informative: true,
    },
    {
      what: 'Ingest, HTTP upload vs PostgreSQL, s',
      ours: s(r.ingest.http.seconds),
      baseline: `${s(pg)} (${pgWhich})`,
      ratio: Number.isFinite(pg) ? `${x(pg / r.ingest.http.seconds)} faster` : '-',
      target: `≥ ${TARGETS.ingestVsPostgres}x faster`,
      ok: Number.isFinite(pg) ? pg / r.ingest.http.seconds >= TARGETS.ingestVsPostgres : null,
    },
  ];
  for (const c of r.queries.cases) {
    const http = summarise(c.http).p50;
    const d = summarise(c.duck).p50;
    rows.push({
      what: `Query p50 over HTTP: ${c.case.title}, ms`,
      ours: ms(http),
      baseline: `${ms(d)} (hand SQL, plain DuckDB, same Parquet)`,
      ratio: x(http / d),
      target: `≤ ${TARGETS.queryVsDuckDb}x`,
      ok: http / d <= TARGETS.queryVsDuckDb,
    });
  }
  const p50 = (id: string) =>
    summarise(r.queries.cases.find((c) => c.case.id === id)?.http ?? []).p50;
  for (const [deep, first, label] of [
    ['deep', 'page1', 'default order'],
    ['sortedDeep', 'sorted1', 'sorted by reported_at desc'],
  ] as const) {
    rows.push({
      what: `Deep page vs page 1 over HTTP (${label}), ms`,
      ours: ms(p50(deep)),
      baseline: `${ms(p50(first))} (page 1)`,
      ratio: x(p50(deep) / p50(first)),
      target: `as fast as page 1 (≤ ${TARGETS.deepVsFirst}x)`,
      ok: p50(deep) / p50(first) <= TARGETS.deepVsFirst,
    });
  }
  const e = r.export;
  if (e.available) {
    const rate = mb(e.bytes) / e.seconds;
    const peak = Math.max(e.sampledPeakRss, e.hwm ?? 0);
    rows.push(
      {
        what: 'CSV export of all rows, MB/s',
        ours: rate.toFixed(0),
        baseline: `${(mb(r.duckExport.bytes) / r.duckExport.seconds).toFixed(0)} (DuckDB COPY TO csv file)`,
        ratio: '-',
        target: `≥ ${TARGETS.exportMBps} MB/s`,
        ok: rate >= TARGETS.exportMBps,
      },
      {
        what: `CSV export: server RSS growth for ${int(mb(e.bytes))} MB exported, MiB`,
        ours: int(peak - e.idleRss),
        baseline: `${int(e.idleRss)} (idle before the export)`,
        ratio: `${((peak - e.idleRss) / (e.bytes / 2 ** 20)).toFixed(2)} of the size`,
        target: `constant: ≤ ${TARGETS.exportGrowthMiB} MiB whatever the size`,
        ok: peak - e.idleRss <= TARGETS.exportGrowthMiB,
      },
    );
  } else {
    rows.push({
      what: 'CSV export of all rows',
      ours: 'not measured',
      baseline: '-',
      ratio: '-',
      target: `≥ ${TARGETS.exportMBps} MB/s, RSS < ${TARGETS.exportRssMB} MB`,
      ok: null,
    });
  }
  rows.push(...loadTargetRows(r.xlsx, r.concurrency));
  return rows;
}

function targetTable(r: DatastoreResult): Table {
  return {
    head: ['measurement', 'Metrodata', 'baseline', 'ratio', 'target', 'result'],
    rows: targetRows(r).map((t) => [t.what, t.ours, t.baseline, t.ratio, t.target, met(t)]),
  };
}

function ingestTable(r: DatastoreResult): Table {
  const { inProcess } = r.ingest;
  const rows: (string | number)[][] = [
    ...r.ingest.httpRuns.flatMap((h, i) => [
      [`HTTP upload ${i + 1}, total (request sent → 201 with the load succeeded)`, s(h.seconds)],
      ['  of which upload, SHA-256 and copy into the blob store', s(h.uploadSeconds)],
      ['  of which the load (queued → finished, from its timestamps)', s(h.loadSeconds)],
      ['    of which waiting to start (queued → started)', s(h.queueSeconds)],
      ['    of which ingestFile as timed in the load report', s(h.ingestSeconds)],
    ]),
    [
      'Services: addFileResource (stream the file into the blob store, SHA-256)',
      s(inProcess.storeSeconds),
    ],
    ...inProcess.loadRuns.map((t, i) => [
      `Services: createLoad + runLoad, ${i === 0 ? 'first load' : `load ${i + 1} (version ${i + 1})`}`,
      s(t),
    ]),
    ['  first load: ingestFile as timed in its report', s(inProcess.reportSeconds)],
    ...r.ingest.duckdb.map((v, i) => [
      `DuckDB COPY (SELECT * FROM read_csv) TO zstd Parquet, run ${i + 1}`,
      s(v),
    ]),
  ];
  if (!('error' in r.pg)) {
    const pg = r.pg;
    const copy = (c: PgIngest['file']) => ('error' in c ? `failed: ${c.error}` : s(c.seconds));
    rows.push(
      ['PostgreSQL COPY FROM file (server-side, typed table, no indexes)', copy(pg.file)],
      ['PostgreSQL COPY FROM STDIN via psql \\copy (typed table, no indexes)', copy(pg.stdin)],
      ...pg.indexes.map((i) => [`PostgreSQL index: ${i.why}`, s(i.seconds)]),
      ['PostgreSQL VACUUM ANALYZE (autovacuum is off on this server)', s(pg.analyseSeconds)],
    );
  }
  return { head: ['step', 'seconds'], rows };
}

function breakdownTable(b: Breakdown): Table {
  const total = b.ingestSeconds;
  return {
    head: ['part', 'seconds', 'share', 'note'],
    rows: [
      ...b.phases.map((p) => [
        p.name,
        s(p.seconds),
        `${((p.seconds / total) * 100).toFixed(0)}%`,
        p.note ?? '',
      ]),
      ['ingestFile, total', s(total), '100%', ''],
      ...b.alternatives.map((p) => [p.name, s(p.seconds), '-', p.note ?? '']),
    ],
  };
}

function queryTable(r: DatastoreResult): Table {
  return {
    head: [
      'query',
      'rows matched',
      'HTTP p50',
      'HTTP p95',
      'service p50',
      'app SQL in DuckDB p50',
      'hand SQL in DuckDB p50',
      'two-step in DuckDB p50',
      'PostgreSQL p50',
      'HTTP / DuckDB',
      'HTTP / PostgreSQL',
    ],
    rows: r.queries.cases.map((c) => {
      const p = (v: number[]) => summarise(v).p50;
      return [
        c.case.title,
        int(c.total),
        ms(p(c.http)),
        ms(summarise(c.http).p95),
        ms(p(c.service)),
        ms(p(c.appSql)),
        ms(p(c.duck)),
        c.twoStep.length ? ms(p(c.twoStep)) : '-',
        ms(p(c.pg)),
        x(p(c.http) / p(c.duck)),
        x(p(c.http) / p(c.pg)),
      ];
    }),
  };
}

function walkLine(name: string, w: CursorWalk): string {
  const all = summarise(w.ms);
  const firstTen = summarise(w.ms.slice(0, 10));
  const lastTen = summarise(w.ms.slice(-10));
  return (
    `${name}: ${w.pages} pages walked following next_cursor: p50 ${ms(all.p50)} ms ` +
    `(pages 1-10 p50 ${ms(firstTen.p50)} ms, last 10 p50 ${ms(lastTen.p50)} ms); ` +
    `the walked cursor ${w.matches ? 'equals' : 'DIFFERS from'} the one built for page ${w.pages + 1}`
  );
}

function exportLines(r: DatastoreResult): string[] {
  const e = r.export;
  const duck = `DuckDB's own COPY of the Parquet file to a CSV file: ${(mb(r.duckExport.bytes) / r.duckExport.seconds).toFixed(0)} MB/s (${s(r.duckExport.seconds)} s, ${int(mb(r.duckExport.bytes))} MB)`;
  if (!e.available) return [`Export not measured: ${e.reason}.`, duck];
  return [
    `GET /api/v1/resources/{id}/export.csv: ${int(mb(e.bytes))} MB (${int(e.lines)} lines, ${e.contentType}) in ${s(e.seconds)} s = ${(mb(e.bytes) / e.seconds).toFixed(0)} MB/s; first byte after ${ms(e.firstByteMs)} ms`,
    `Server RSS: ${int(e.idleRss)} MiB idle before, peak ${int(e.sampledPeakRss)} MiB sampled every 50 ms (${int(e.peakBeforeFirstByte)} MiB before the first byte, ${int(e.peakWhileStreaming)} MiB while streaming), VmHWM ${e.hwm === null ? 'not reset (no access to clear_refs)' : `${int(e.hwm)} MiB (reset before the export)`}`,
    duck,
  ];
}

function header(r: DatastoreResult): string[] {
  const pg =
    'error' in r.pg
      ? `PostgreSQL baseline skipped: ${r.pg.error}`
      : `PostgreSQL ${r.pg.version} on the same machine (${Object.entries(r.pg.settings)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`;
  return [
    `Date: ${r.date}`,
    `Machine: ${machineLine(r.machine)}`,
    `Load average (1, 5, 15 min): ${r.load.before} before the run, ${r.load.after} after`,
    `Catalogue: ${r.database}; the server runs as its own process (\`node --import tsx src/main.ts serve\`)`,
    `DuckDB ${r.duckdbVersion}: the app's engine and every DuckDB baseline use ${r.threads} threads and a ${r.memoryLimit} memory limit; the app's exports run on an instance of their own with ${EXPORT_THREADS} thread and a ${EXPORT_MEMORY_LIMIT} limit`,
    pg,
    `Data: ${int(r.data.rows)} generated service requests, ${int(mb(r.data.bytes))} MB of CSV (${r.data.columns.join(', ')}), written by DuckDB in ${s(r.data.generateSeconds)} s; the same bytes every run`,
  ];
}

export function datastoreText(r: DatastoreResult): string {
  const parts = [
    header(r).join('\n'),
    textTable(targetTable(r)),
    textTable(ingestTable(r)),
    ...(r.ingest.breakdown ? [textTable(breakdownTable(r.ingest.breakdown))] : []),
    textTable(queryTable(r)),
    [walkLine('Default order', r.walks.byId), walkLine('Sorted', r.walks.sorted)].join('\n'),
    exportLines(r).join('\n'),
    loadTestLines(r.xlsx, r.concurrency).join('\n'),
  ];
  return parts.join('\n\n');
}

export function datastoreMarkdown(r: DatastoreResult, notes: string[]): string {
  const uploadPeak =
    r.ingest.uploadPeakRss === null
      ? ''
      : ` Server peak RSS (VmHWM) through the upload and load: ${int(r.ingest.uploadPeakRss)} MiB (idle before: ${int(r.ingest.serverIdleRss)} MiB).`;
  return [
    `## Datastore (${int(r.data.rows)} rows)`,
    header(r)
      .map((l) => `- ${l}`)
      .join('\n'),
    '### Targets',
    markdownTable(targetTable(r)),
    '### Ingest',
    `Each system loads the same file from the page cache. The HTTP upload sends the file as multipart from disk with ${r.ingest.http.client === 'curl' ? 'curl' : "Node's fetch + FormData (curl not found)"}. The clients alone, sending the same upload to a local server that discards it: curl ${r.ingest.clientCost.curl === null ? 'not installed' : `${s(r.ingest.clientCost.curl)} s`}, Node's fetch + FormData (fs.openAsBlob) ${s(r.ingest.clientCost.fetch)} s; the services path is \`addFileResource\` then \`createLoad\` + \`runLoad\` in the benchmark's process. The server has loaded the 1,000,000-row file of the concurrent clients over HTTP before the timed upload, as a server in service has loaded large files before (in some runs the first large load of a fresh process took 1-2 s longer than the next).${uploadPeak}`,
    markdownTable(ingestTable(r)),
    ...(r.ingest.breakdown
      ? [
          '#### Where the load time goes',
          "A second load of the same file through the app's own `ingestFile` on the app's engine, every DuckDB statement it runs timed and grouped by what it is for; then what `runLoad` does after it, and DuckDB's floor on the same engine:",
          markdownTable(breakdownTable(r.ingest.breakdown)),
        ]
      : []),
    '### Queries',
    `${r.queries.rounds} rounds after ${r.queries.warmup} of warm-up, one request at a time, every layer right after the other: **HTTP** is \`POST /api/v1/resources/{id}/query\` to the server process, timed around \`fetch\` and the JSON parse; **service** is \`queryResource()\` in the benchmark's process; **app SQL** is the SQL \`buildQuery\` makes, run in a plain DuckDB; **hand SQL** is the same query written by hand (literals, \`<=\` keyset conditions) in a plain DuckDB on the same Parquet file, the baseline; **two-step** (sorted pages only) is the hand SQL in two steps, the page's \`_id\`s by the sort columns alone, then those rows by \`_id\`; page and count run at the same time on two connections, as the app runs them. PostgreSQL runs the same SQL on the COPY'd table with a primary key on id, an index on (borough, category, reported_at DESC) and one on (reported_at DESC, id), after VACUUM ANALYZE. Every API answer was checked once against DuckDB's (same rows, same total). Milliseconds:`,
    markdownTable(queryTable(r)),
    [
      walkLine('Default order', r.walks.byId),
      walkLine('Sorted by reported_at desc', r.walks.sorted),
    ]
      .map((l) => `- ${l}`)
      .join('\n'),
    '### CSV export',
    exportLines(r)
      .map((l) => `- ${l}`)
      .join('\n'),
    '### XLSX export and concurrent clients',
    loadTestLines(r.xlsx, r.concurrency)
      .map((l) => `- ${l}`)
      .join('\n'),
    ...(notes.length ? ['### Notes', notes.map((n) => `- ${n}`).join('\n')] : []),
  ].join('\n\n');
}

/**
 * Where the time goes for each missed target, from the measured parts, so that the published
 * section explains itself after every rerun.
 */
export function datastoreNotes(r: DatastoreResult): string[] {
  const notes: string[] = [];
  const rows = targetRows(r);
  const b = r.ingest.breakdown;
  if (rows.slice(0, 2).some((t) => t.ok === false) && b) {
    const ranked = [...b.phases].sort((p, q) => q.seconds - p.seconds);
    notes.push(
      `Ingest: of ingestFile's ${s(b.ingestSeconds)} s, ` +
        ranked
          .slice(0, 3)
          .map((p) => `${p.name} takes ${s(p.seconds)} s`)
          .join(', ') +
        '.',
    );
    const floor = b.alternatives.find((p) => p.name.startsWith('floor'));
    if (floor) {
      notes.push(
        `Ingest: DuckDB's own typed read straight to Parquet takes ${s(floor.seconds)} s on the same engine: the floor for a load that ends in a Parquet file.`,
      );
    }
    notes.push(
      `Ingest over HTTP: ${s(r.ingest.http.uploadSeconds)} s of the ${s(r.ingest.http.seconds)} s pass before the load is queued (multipart upload, SHA-256, copy into the blob store); the services path stores the same file in ${s(r.ingest.inProcess.storeSeconds)} s.`,
    );
  }
  for (const c of r.queries.cases) {
    const p = (v: number[]) => summarise(v).p50;
    const http = p(c.http);
    const duck = p(c.duck);
    if (http / duck <= TARGETS.queryVsDuckDb) continue;
    notes.push(
      `Query "${c.case.title}": ${ms(http)} ms over HTTP = ${ms(p(c.service))} ms in queryResource() + ${ms(http - p(c.service))} ms of HTTP and JSON; ` +
        `the app's SQL takes ${ms(p(c.appSql))} ms in a plain DuckDB and the hand-written SQL ${ms(duck)} ms` +
        (c.case.body.group_by
          ? ' (the app counts the groups for `total` with a window, count(*) OVER (), in the same query).'
          : '.'),
    );
  }
  for (const c of r.queries.cases) {
    const p = (v: number[]) => summarise(v).p50;
    if (c.twoStep.length && p(c.twoStep) < 0.5 * p(c.duck)) {
      notes.push(
        `Query "${c.case.title}": reading every column of every matching row to sort them is most of the time; ` +
          `the page's \`_id\`s by the sort columns alone, then the 100 rows by \`_id\`, takes ${ms(p(c.twoStep))} ms in a plain DuckDB instead of ${ms(p(c.duck))} ms (PostgreSQL with an index: ${ms(p(c.pg))} ms).`,
      );
    }
  }
  const e = r.export;
  if (e.available && Math.max(e.sampledPeakRss, e.hwm ?? 0) >= TARGETS.exportRssMB * MIB_PER_MB) {
    notes.push(
      `Export memory: the server's RSS peaks at ${int(e.peakBeforeFirstByte)} MiB while DuckDB writes the CSV and at ${int(e.peakWhileStreaming)} MiB while the file streams out, from ${int(e.idleRss)} MiB idle; ` +
        `exports run on a DuckDB instance of their own (${EXPORT_THREADS} thread, ${EXPORT_MEMORY_LIMIT}) and the process runs through tsx.`,
    );
  }
  if (e.available && mb(e.bytes) / e.seconds < TARGETS.exportMBps) {
    notes.push(
      `Export: the first byte comes after ${s(e.firstByteMs / 1000)} s of ${s(e.seconds)} s (the server sends the CSV as DuckDB writes it, once 4 MiB are written), then ${s(e.seconds - e.firstByteMs / 1000)} s of streaming (${(mb(e.bytes) / (e.seconds - e.firstByteMs / 1000)).toFixed(0)} MB/s); DuckDB alone writes the same CSV at ${(mb(r.duckExport.bytes) / r.duckExport.seconds).toFixed(0)} MB/s on this machine.`,
    );
  }
  return notes;
}
