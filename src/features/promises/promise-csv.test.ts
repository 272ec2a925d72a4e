import { describe, expect, it } from 'vitest';
import { promisesCsv } from './promise-csv.js';
import { promiseSummary } from './promise.view.js';
import type { PromiseWithOwner } from './promise.repository.js';

const row = (over: Partial<PromiseWithOwner>): PromiseWithOwner => ({
  id: 'p1',
  slug: 'fibre',
  title: 'Fibre, for "everyone"',
  quote: 'Line one\nline two',
  source_kind: 'manifesto',
  source_url: null,
  source_date: null,
  made_by: '=HYPERLINK("x")',
  theme: 'broadband',
  deadline_kind: 'days',
  deadline_date: null,
  deadline_days: 100,
  owner_id: 'o1',
  owner_slug: 'gmca',
  owner_name: 'GMCA',
  status: 'stalled',
  status_date: '2026-05-01',
  created_by: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  ...over,
});

const view = {
  baseUrl: 'https://x.test',
  themes: new Map(),
  termStart: '2026-01-01',
  today: '2026-06-01',
};

describe('the promises CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    const csv = promisesCsv([promiseSummary(row({}), view)]);
    expect(csv.startsWith('\uFEFFslug,title,')).toBe(true);
    const line = csv.split('\r\n')[1] ?? '';
    expect(line).toContain('"Fibre, for ""everyone"""');
    expect(line).toContain('"Line one\nline two"');
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    // Due 100 days after 1 January, passed on 1 June and not kept: overdue.
    expect(line).toContain(',2026-04-11,true,stalled,');
  });
});
