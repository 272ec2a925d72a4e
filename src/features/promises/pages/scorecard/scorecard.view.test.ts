import { describe, expect, it } from 'vitest';
import { scorecardHref, termLine } from './scorecard.view.js';

describe('the scorecard', () => {
  it('says which day of the term it is, or when the term starts', () => {
    expect(termLine({ start: '2026-05-08', day: 100 })).toBe('Day 100 of the mayor’s term');
    expect(termLine({ start: '2026-05-08', day: 1200 })).toBe('Day 1,200 of the mayor’s term');
    expect(termLine({ start: '2026-05-08', day: 0 })).toBe('The mayor’s term starts on 8 May 2026');
    expect(termLine({ start: null, day: null })).toBeNull();
  });

  it('keeps its filters in the URL', () => {
    expect(scorecardHref({ statuses: [], themes: [] })).toBe('/promises');
    expect(scorecardHref({ statuses: ['kept', 'broken'], themes: ['broadband'] })).toBe(
      '/promises?status=kept&status=broken&theme=broadband',
    );
  });
});
