import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  ndjsonLine,
  REPORT_COLUMNS,
  reportRow,
  type PublicReportRecord,
} from './reports-table.js';

const record: PublicReportRecord = {
  id: 'r1',
  category_code: 'potholes',
  category_name: 'Pothole',
  category_group: 'Roads',
  body_slug: 'westshire',
  body_name: 'Westshire Council',
  body_kind: 'council',
  ward_code: 'E05000001',
  ward_name: 'West North',
  latitude: 0.75,
  longitude: 0.5,
  status: 'fixed',
  confirmed_at: '2026-01-01T12:00:00.000Z',
  created_at: '2026-01-01T11:50:00.000Z',
  status_changed_at: '2026-01-04T00:00:00.000Z',
  fixed_at: '2026-01-04T00:00:00.000Z',
  supporters_count: 2,
  update_count: 3,
  photo_count: 1,
  source: 'web',
  moderated: 0,
  description: 'A hole',
};

describe('a report as a row of the open dataset', () => {
  it('counts days to fixed from confirmation, to a hundredth of a day', () => {
    expect(daysBetween('2026-01-01T12:00:00.000Z', '2026-01-04T00:00:00.000Z')).toBe(2.5);
    const row = reportRow(record, 'Westshire Council', 'https://example.org');
    expect(row).toMatchObject({
      url: 'https://example.org/reports/r1',
      created_at: '2026-01-01T12:00:00.000Z',
      days_to_fixed: 2.5,
      is_open: 0,
      status_label: 'Fixed',
      description: 'A hole',
    });
  });

  it('leaves a moderated description out, and days to fixed while not fixed', () => {
    const row = reportRow(
      { ...record, status: 'closed', moderated: 1 },
      'Westshire Council',
      'https://example.org',
    );
    expect(row).toMatchObject({ description: null, fixed_at: null, days_to_fixed: null });
  });

  it('writes every column, in order, and nothing else', () => {
    const line = ndjsonLine(reportRow(record, null, 'https://example.org'));
    expect(Object.keys(JSON.parse(line) as object)).toEqual(REPORT_COLUMNS.map(([n]) => n));
  });
});
