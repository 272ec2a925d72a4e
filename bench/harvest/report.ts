import { machineLine, type Machine } from '../lib/machine.js';
import type { LatencySummary } from '../lib/percentiles.js';
import { int, markdownTable, ms, textTable, type Table } from '../lib/report.js';

export interface HarvestResult {
  date: string;
  machine: Machine;
  database: string;
  dialect: 'sqlite' | 'postgres';
  datasets: number;
  harvested: number;
  seeding: { datasets: number; seconds: number; concurrency: number };
  indexLoadMs: number;
  quiet: LatencySummary;
  during: LatencySummary;
  after: LatencySummary;
  harvest: { seconds: number; created: number; requests: number };
  again: { seconds: number; unchanged: number };
  searchTargetMs: number;
  harvestTargetS: number;
  memory: { rss: number; peakRss: number; heapUsed: number };
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
    `- Database: ${r.database}`,
    `- Catalogue: ${int(r.seeding.datasets)} generated datasets through the services (500 per commit, ${r.seeding.concurrency} at a time, ${r.seeding.seconds.toFixed(0)} s), then ${int(r.harvested)} harvested from a CKAN-like portal on loopback (package_search, 100 per page, ${int(r.harvest.requests)} requests), metadata and links only`,
    `- Search cases: the catalogue benchmark's 22 query strings, one request at a time, cycled for as long as the harvest runs`,
    `- First search after start (loads the index): ${ms(r.indexLoadMs)} ms; the index then catches up with each write from the change log`,
    `- A second run of the unchanged source: ${r.again.seconds.toFixed(1)} s, ${int(r.again.unchanged)} unchanged`,
    `- Memory at the end: RSS ${int(r.memory.rss)} MiB (peak ${int(r.memory.peakRss)} MiB), heap ${int(r.memory.heapUsed)} MiB`,
  ];
}

export function harvestText(r: HarvestResult): string {
  return [textTable(latencies(r)), '', ...targets(r).map((t) => t.replace(/\*\*/g, ''))].join('\n');
}

export function harvestMarkdown(r: HarvestResult, title: string): string {
  return [`## ${title}`, '', ...facts(r), '', ...targets(r), '', markdownTable(latencies(r))].join(
    '\n',
  );
}
