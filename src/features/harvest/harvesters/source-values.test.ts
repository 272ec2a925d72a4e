import { describe, expect, it } from 'vitest';
import { byteSize, email, isoDate, texts } from './source-values.js';

describe('source values', () => {
  it('normalises dates to ISO 8601 and refuses what it cannot read for sure', () => {
    expect(isoDate('2024-05-02T14:58:26+01:00')).toBe('2024-05-02T13:58:26.000Z');
    expect(isoDate('2023-03-01T09:30:00')).toBe('2023-03-01T09:30:00.000Z');
    expect(isoDate(' 2024-02-29 ')).toBe('2024-02-29');
    expect(isoDate('2024-13-45')).toBe(null);
    expect(isoDate('2023-02-30')).toBe(null);
    expect(isoDate('03/04/2024')).toBe(null);
    expect(isoDate(1700000000)).toBe(null);
  });

  it('reads sizes, emails and tag lists in the shapes sources use', () => {
    expect(byteSize('40211')).toBe(40211);
    expect(byteSize(-1)).toBe(null);
    expect(byteSize('12 MB')).toBe(null);
    expect(email('mailto:a@example.org')).toBe('a@example.org');
    expect(email('Open data team')).toBe(null);
    expect(texts([' bus ', { title: 'Parks' }, 'bus', '', null])).toEqual(['bus', 'Parks']);
    expect(texts('finance')).toEqual(['finance']);
  });
});
