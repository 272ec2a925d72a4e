import { describe, expect, it } from 'vitest';
import { parseBbox, STATUS_GROUPS } from './report-filter.js';
import { STATUSES } from './report-status.js';

describe('the public status groups', () => {
  it('put every status in exactly one of open, fixed and closed', () => {
    const grouped = [...STATUS_GROUPS.open, ...STATUS_GROUPS.fixed, ...STATUS_GROUPS.closed];
    expect([...grouped].sort()).toEqual([...STATUSES].sort());
    expect(STATUS_GROUPS.closed).toEqual(['closed', 'duplicate', 'not_responsible']);
  });
});

describe('a box on the map', () => {
  it('reads minLon,minLat,maxLon,maxLat, spaces allowed', () => {
    expect(parseBbox('-2.3, 53.4,-2.2,53.5')).toEqual({
      minLon: -2.3,
      minLat: 53.4,
      maxLon: -2.2,
      maxLat: 53.5,
    });
  });

  it('refuses a box inside out, out of range, short or not numbers, naming bbox', () => {
    for (const bad of ['1,0,0,1', '0,1,1,0', '0,0,200,1', '0,-91,1,0', '0,0,1', 'a,b,c,d', '']) {
      expect(() => parseBbox(bad), bad).toThrow(
        expect.objectContaining({ details: [expect.objectContaining({ field: 'bbox' })] }),
      );
    }
  });
});
