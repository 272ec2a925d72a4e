import { describe, expect, it } from 'vitest';
import { metadataQuality, ratingOf } from './mqa.js';
import { openness } from './openness.js';
import type { DatasetInput, ResourceInput } from './quality-input.js';
import { isStale } from './staleness.js';

const csv: ResourceInput = {
  id: 'r1',
  name: 'Potholes',
  format: 'CSV',
  media_type: 'text/csv',
  url: null,
  size: 1200,
  queryable: true,
  link: null,
};

const full: DatasetInput = {
  title: 'Potholes',
  description: 'Potholes reported',
  licence: { id: 'OGL-UK-3.0', open: true, known: true },
  tags: ['roads'],
  themes: ['transport'],
  spatial_coverage: 'Greater Example',
  temporal_start: '2024-01-01',
  temporal_end: null,
  contact_name: 'Highways',
  contact_email: 'roads@example.gov.uk',
  publisher: 'Example Council',
  update_frequency: 'monthly',
  created_at: '2024-01-01T00:00:00Z',
  modified_at: '2024-02-01T00:00:00Z',
  resources: [csv],
};

const missing = (d: DatasetInput) => metadataQuality(d).checks.filter((c) => c.points < c.max);

describe('openness stars', () => {
  it('gives four stars to an openly licensed CSV in the datastore', () => {
    expect(openness(full).stars).toBe(4);
    expect(openness(full).scale[4]).toMatchObject({
      met: false,
      reason: 'no resource is linked data',
    });
  });

  it('gives none to a closed licence, however good the format, and says why', () => {
    const closed = { ...full, licence: { id: 'other-closed', open: false, known: true } };
    const o = openness(closed);
    expect(o.stars).toBe(0);
    expect(o.scale[0]?.fix).toMatch(/Open Government Licence/);
    expect(o.scale[1]).toMatchObject({ met: false, reason: 'needs star 1 first', fix: null });
  });

  it('stops at two stars for Excel only, and five for linked data', () => {
    const xls = { ...csv, format: 'XLSX', queryable: false };
    expect(openness({ ...full, resources: [xls] }).stars).toBe(2);
    const ttl = { ...csv, format: 'TTL', queryable: false };
    expect(openness({ ...full, resources: [ttl] }).stars).toBe(5);
    expect(
      openness({ ...full, resources: [{ ...csv, format: 'PDF', queryable: false }] }).stars,
    ).toBe(1);
  });
});

describe('metadata quality (MQA)', () => {
  it('gives a complete dataset all 405 points, rated excellent', () => {
    const q = metadataQuality(full);
    expect(q.max).toBe(405);
    expect(q.total).toBe(405);
    expect(q.rating).toBe('excellent');
    expect(q.dimensions.interoperability).toEqual({ points: 110, max: 110 });
  });

  it('names each missing field with its fix', () => {
    const bare = {
      ...full,
      tags: [],
      temporal_start: null,
      contact_name: null,
      contact_email: null,
    };
    const gaps = missing(bare);
    expect(gaps.map((c) => c.fix)).toEqual([
      'add a few tags people would search for',
      'add a temporal coverage (the period the data covers)',
      'add a contact (a team name and email address)',
    ]);
    expect(metadataQuality(bare).total).toBe(405 - 30 - 20 - 20);
  });

  it('takes accessibility points for a link that answers 404, in proportion', () => {
    const broken: ResourceInput = {
      ...csv,
      id: 'r2',
      name: 'Old file',
      url: 'https://example.org/x.csv',
      link: { status: 404, error: null, checked_at: '2024-03-01T00:00:00Z' },
    };
    const q = metadataQuality({ ...full, resources: [csv, broken] });
    expect(q.dimensions.accessibility).toEqual({ points: 60, max: 100 });
    const access = q.checks.find((c) => c.indicator === 'Access URL answers');
    expect(access?.reason).toBe('“Old file”: this link answers 404');
  });

  it('scores a dataset without resources low, saying to add one', () => {
    const q = metadataQuality({ ...full, resources: [] });
    expect(q.checks.find((c) => c.indicator === 'Download URL given')?.fix).toBe('add a resource');
    expect(q.total).toBe(190);
    expect(q.rating).toBe('sufficient');
  });

  it('uses the MQA rating bands', () => {
    expect([405, 351, 350, 221, 220, 121, 120, 0].map(ratingOf)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'sufficient',
      'sufficient',
      'bad',
      'bad',
    ]);
  });
});

describe('staleness', () => {
  it('finds a monthly dataset stale after a month and a half, never an irregular one', () => {
    const now = new Date('2024-03-20T00:00:00Z');
    expect(isStale('monthly', '2024-02-10T00:00:00Z', now)).toBe(false);
    expect(isStale('monthly', '2024-01-01T00:00:00Z', now)).toBe(true);
    expect(isStale('irregular', '2000-01-01T00:00:00Z', now)).toBe(false);
    expect(isStale(null, '2000-01-01T00:00:00Z', now)).toBe(false);
  });
});
