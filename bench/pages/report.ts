import { machineLine, type Machine } from '../lib/machine.js';
import { summarise, type LatencySummary } from '../lib/percentiles.js';
import { int, markdownTable, ms, textTable, type Table } from '../lib/report.js';
import type { PageCase } from './cases.js';

export const TARGET_P95_MS = 50;

export interface PagesResult {
  date: string;
  machine: Machine;
  database: string;
  demo: { datasets: number; resources: number; loads: number; largeRows: number; seconds: number };
  rounds: number;
  /** The machine's 1, 5 and 15-minute load averages when the measuring started. */
  loadAverage: string;
  samples: { pageCase: PageCase; ms: number[] }[];
}

function rows(result: PagesResult): { name: string; target: boolean; s: LatencySummary }[] {
  return result.samples.map(({ pageCase, ms: values }) => ({
    name: pageCase.name,
    target: pageCase.target,
    s: summarise(values),
  }));
}

function table(result: PagesResult): Table {
  return {
    head: ['page', 'urls', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    rows: rows(result).map(({ name, s }, i) => [
      name,
      result.samples[i]?.pageCase.urls.length ?? 0,
      s.count,
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      ms(s.max),
    ]),
  };
}

export function targetLine(result: PagesResult): string {
  const checked = rows(result).filter((r) => r.target);
  const worst = Math.max(...checked.map((r) => r.s.p95));
  const met = worst < TARGET_P95_MS;
  const detail = checked.map((r) => `${r.name} p95 ${ms(r.s.p95)} ms`).join(', ');
  return `Target dataset page and search results < ${TARGET_P95_MS} ms: **${met ? 'met' : 'missed'}** (${detail}).`;
}

export const pagesText = (result: PagesResult): string =>
  `${textTable(table(result))}\n\n${targetLine(result).replace(/\*\*/g, '')}`;

export function pagesMarkdown(result: PagesResult, title: string): string {
  const d = result.demo;
  return [
    `## ${title}`,
    '',
    `- Date: ${result.date}`,
    `- Machine: ${machineLine(result.machine)}`,
    `- Database: ${result.database}`,
    `- Load average when measuring started: ${result.loadAverage} (other work shared the machine)`,
    `- Data: the demo region (${int(d.datasets)} datasets, ${int(d.resources)} resources, ${int(d.loads)} loaded into the datastore; the large service-requests file at ${int(d.largeRows)} rows), seeded in ${d.seconds.toFixed(0)} s`,
    '',
    targetLine(result),
    '',
    `Server time: \`app.inject()\` in the process (routing, validation, the services, Nunjucks rendering; no socket), as an anonymous visitor, each URL of a page kind in turn, ${result.rounds} rounds after 3 of warm-up. A dataset page view also counts the view (one upsert).`,
    '',
    markdownTable(table(result)),
  ].join('\n');
}
