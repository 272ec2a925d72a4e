import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';

export type Cell = string | number;

export interface Table {
  head: string[];
  rows: Cell[][];
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

export function int(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}

const isNumeric = (cell: Cell) => typeof cell === 'number' || /^[\d.,x%-]+$/.test(cell);

/** A table for the terminal, numbers right-aligned. */
export function textTable(table: Table): string {
  const cells = [table.head, ...table.rows.map((r) => r.map(String))];
  const widths = table.head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (row: Cell[], header: boolean) =>
    row
      .map((cell, i) => {
        const text = String(cell);
        const width = widths[i] ?? 0;
        return !header && isNumeric(cell) ? text.padStart(width) : text.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(table.head, true), rule, ...table.rows.map((r) => line(r, false))].join('\n');
}

/** The same table in Markdown, numbers right-aligned. */
export function markdownTable(table: Table): string {
  const escape = (cell: Cell) => String(cell).replace(/\|/g, '\\|');
  const numeric = table.head.map((_, i) => table.rows.every((r) => isNumeric(r[i] ?? '')));
  return [
    `| ${table.head.map(escape).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
  ].join('\n');
}

const INTRO = `# Performance

Measured by \`npm run bench\` (all benchmarks) or \`npm run bench -- <name>\` (those whose name
contains \`<name>\`, e.g. \`npm run bench -- catalog\`). A benchmark runs on SQLite by default and on
PostgreSQL when \`DATABASE_URL\` is set, e.g.
\`DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run bench\`; each run replaces its own
section below and leaves the others alone.

The numbers come from one run on a shared machine (often 2 cores, with the load generator and the
server competing for them), so they are noisy: compare ratios measured in the same run, and
rerun before drawing conclusions from a difference of less than ~20%.
`;

/**
 * Writes `markdown` between `<!-- bench:<id>:start -->` and `<!-- bench:<id>:end -->` in `file`,
 * replacing what was there before, or appends it; creates the file with an introduction first.
 * Only the benchmark's own section changes, so benchmarks and databases can be rerun separately.
 */
export async function writeSection(file: string, id: string, markdown: string): Promise<void> {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const block = `${start}\n\n${markdown.trim()}\n\n${end}`;
  const current = existsSync(file) ? await readFile(file, 'utf8') : INTRO;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  // Formatted as `npm run lint` expects, so a rerun leaves no Prettier diff behind.
  const options = (await resolveConfig(file)) ?? {};
  await writeFile(file, await format(next, { ...options, filepath: file }));
}
