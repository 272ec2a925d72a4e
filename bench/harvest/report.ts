import { machineLine, type Machine } from '../lib/machine.js';
import { summarise, type LatencySummary } from '../lib/percentiles.js';
import { int, markdownTable, ms, textTable, type Table } from '../lib/report.js';

export interface HarvestResult {
  date: string;
  machine: Machine;
  database: string;
  dialect: 'sqlite' | 'postgres';
  datasets: number;
  harvested: number;
  seeding: { datasets: number; seconds: number; concurrency: number };
  /** SQLite's page cache (MiB) while generating, and for the run (the configured one). */
  sqliteCacheMib: { seeding: number; run: number } | null;
  indexLoadMs: number;
  quiet: LatencySummary;
  during: LatencySummary;
  after: LatencySummary;
  harvest: { seconds: number; created: number; requests: number };
  again: { seconds: number; unchanged: number };
  searchTargetMs: number;
  harvestTargetS: number;
  memory: { rss: number; peakRss: number; heapUsed: number };
  /** The query strings slowest at p95 during the harvest. */
  slowest: { query: string; p50: number; p95: number }[];
}

/**
 * Per query string, from samples that cycle through `queries` in order (as the visitor sends
 * them): the `top` slowest at p95.
 */
export function slowestQueries(samples: readonly number[], queries: readonly string[], top = 5) {
  return queries
    .map((query, i) => {
      const own = samples.filter((_, k) => k % queries.length === i);
      const s = summarise(own);
      return { query: query || '(none)', p50: s.p50, p95: s.p95 };
    })
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, top);
}

function slowest(r: HarvestResult): Table {
  return {
    head: ['slowest during the harvest', 'p50 ms', 'p95 ms'],
    rows: r.slowest.map((q) => [`\`${q.query}\``, ms(q.p50), ms(q.p95)]),
  };
}

function latencies(r: HarvestResult): Table {
  const row = (name: string, s: LatencySummary) => [
    name,
    int(s.count),
    ms(s.p50),
    ms(s.p95),
    ms(s.p99),
    ms(s.max),
  ];
  return {
    head: ['search over HTTP', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    rows: [
      row(`before the harvest (${int(r.datasets - r.harvested)} datasets)`, r.quiet),
      row(`during the harvest`, r.during),
      row(`after it (${int(r.datasets)} datasets)`, r.after),
    ],
  };
}

const verdict = (met: boolean) => (met ? 'met' : 'missed');

function targets(r: HarvestResult): string[] {
  return [
    `Target search p95 < ${r.searchTargetMs} ms while harvesting: **${verdict(r.during.p95 < r.searchTargetMs)}** (p95 ${ms(r.during.p95)} ms).`,
    `Target harvest of ${int(r.harvested)} datasets < ${r.harvestTargetS} s: **${verdict(r.harvest.seconds < r.harvestTargetS)}** (${r.harvest.seconds.toFixed(1)} s, ${int(r.harvest.created / r.harvest.seconds)} datasets/s).`,
  ];
}

function facts(r: HarvestResult): string[] {
  return [
    `- Run: ${r.date}; ${machineLine(r.machine)}`,
    `- Database: ${r.database}${
      r.sqliteCacheMib
        ? `; page cache ${int(r.sqliteCacheMib.seeding)} MiB while generating, then reopened with the configured ${int(r.sqliteCacheMib.run)} MiB for the run`
        : ''
    }`,
    `- Catalogue: ${int(r.seeding.datasets)} generated datasets through the services (500 per commit, ${r.seeding.concurrency} at a time, ${r.seeding.seconds.toFixed(0)} s), then ${int(r.harvested)} harvested from a CKAN-like portal on loopback (package_search, 100 per page, ${int(r.harvest.requests)} requests), metadata and links only`,
    `- Search cases: the catalogue benchmark's 22 query strings, one request at a time from a client in its own thread, cycled for as long as the harvest runs`,
    `- First search after start (loads the index): ${ms(r.indexLoadMs)} ms; the index then catches up with each write from the change log`,
    `- A second run of the unchanged source: ${r.again.seconds.toFixed(1)} s, ${int(r.again.unchanged)} unchanged`,
    `- Memory at the end: RSS ${int(r.memory.rss)} MiB (peak ${int(r.memory.peakRss)} MiB), heap ${int(r.memory.heapUsed)} MiB`,
  ];
}

export function harvestText(r: HarvestResult): string {
  return [
    textTable(latencies(r)),
    '',
    textTable(slowest(r)),
    '',
    ...targets(r).map((t) => t.replace(/\*\*/g, '')),
  ].join('\n');
}

export function harvestMarkdown(r: HarvestResult, title: string): string {
  return [
    `## ${title}`,
    '',
    ...facts(r),
    '',
    ...targets(r),
    '',
    markdownTable(latencies(r)),
    '',
    markdownTable(slowest(r)),
  ].join('\n');
}
