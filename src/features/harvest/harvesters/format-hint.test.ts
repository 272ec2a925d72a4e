import { describe, expect, it } from 'vitest';
import { formatFromHint } from './format-hint.js';

describe('formatFromHint', () => {
  it("reads the source's format labels, whatever their case or wording", () => {
    expect(formatFromHint('csv')).toBe('CSV');
    expect(formatFromHint(' .XLSX ')).toBe('XLSX');
    expect(formatFromHint('Comma Separated Values')).toBe('CSV');
    expect(formatFromHint('Esri Shapefile')).toBe('SHP');
    expect(formatFromHint('geojson')).toBe('GeoJSON');
    expect(formatFromHint('parquet')).toBe('Parquet');
    expect(formatFromHint('text/csv')).toBe('CSV');
  });

  it('falls back to the media type, then to the URL, when the label says nothing usable', () => {
    expect(formatFromHint('spreadsheet', 'application/vnd.ms-excel')).toBe('XLS');
    expect(formatFromHint(null, 'application/geo+json; charset=utf-8')).toBe('GeoJSON');
    expect(formatFromHint(null, 'application/octet-stream', 'https://x.org/f/data.kml?v=2')).toBe(
      'KML',
    );
    expect(formatFromHint(undefined, undefined, 'https://x.org/rows.csv?accessType=DOWNLOAD')).toBe(
      'CSV',
    );
  });

  it('prefers the label to a contradicting media type', () => {
    expect(formatFromHint('zip', 'text/csv')).toBe('ZIP');
  });

  it('says null rather than guessing', () => {
    expect(formatFromHint('API', 'application/octet-stream', 'https://x.org/api/resource')).toBe(
      null,
    );
    expect(formatFromHint()).toBe(null);
  });
});
