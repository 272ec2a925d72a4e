import type { PromiseSummaryView } from './promise.view.js';

const COLUMNS = [
  'slug',
  'title',
  'quote',
  'made_by',
  'source_kind',
  'source_url',
  'source_date',
  'theme',
  'owner',
  'deadline_kind',
  'deadline_date',
  'deadline_days',
  'due_date',
  'overdue',
  'status',
  'status_date',
  'suggested_status',
  'url',
] as const;

/** RFC 4180: quote a field with a comma, quote or line break; a leading =+-@ is defused. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  // A spreadsheet would run "=..." as a formula (CSV injection); a quote mark keeps it text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Every promise as one CSV row (UTF-8 with a byte-order mark, so Excel reads it as UTF-8). */
export function promisesCsv(promises: PromiseSummaryView[]): string {
  const rows = promises.map((p) =>
    [
      p.slug,
      p.title,
      p.quote,
      p.made_by,
      p.source.kind,
      p.source.url,
      p.source.date,
      p.theme.slug,
      p.owner.slug,
      p.deadline.kind,
      p.deadline.date,
      p.deadline.days,
      p.deadline.due,
      p.deadline.overdue,
      p.status,
      p.status_date,
      p.suggested_status,
      p.url,
    ]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
