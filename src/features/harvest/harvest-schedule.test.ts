import { describe, expect, it } from 'vitest';
import {
  cronProblem,
  firstRunAt,
  nextRunAfter,
  scheduleErrors,
  tidyCron,
} from './harvest-schedule.js';

const AT = new Date('2026-03-04T10:20:00Z'); // a Wednesday

describe('a harvest source’s schedule', () => {
  it('accepts usual cron expressions, in UTC', () => {
    for (const ok of ['0 6 * * *', '*/15 * * * *', '30 2 * * 1-5', '0 9 1 * *', '0 9 * * MON']) {
      expect(cronProblem(ok), ok).toBeNull();
    }
    expect(nextRunAfter({ intervalMinutes: null, cron: '0 6 * * *' }, AT)).toBe(
      '2026-03-05T06:00:00.000Z',
    );
    expect(nextRunAfter({ intervalMinutes: null, cron: '0 9 * * MON' }, AT)).toBe(
      '2026-03-09T09:00:00.000Z',
    );
  });

  it('refuses a wrong number of fields, a value out of range and a word, saying why', () => {
    expect(cronProblem('0 6 * *')).toMatch(/must have 5 fields .*has 4/);
    expect(cronProblem('0 0 6 * * *')).toMatch(/has 6/);
    expect(cronProblem('')).toMatch(/has 0/);
    expect(cronProblem('61 * * * *')).toMatch(/not a cron expression.*61/);
    expect(cronProblem('0 6 * * someday')).toMatch(/not a cron expression/);
  });

  it('refuses runs closer than 15 minutes, even across midnight on consecutive days', () => {
    expect(cronProblem('*/5 * * * *')).toMatch(/runs 5 minutes apart; .*at least 15/);
    expect(cronProblem('0,10 9 * * *')).toMatch(/10 minutes apart/);
    expect(cronProblem('55 23 * * *')).toBeNull();
    expect(cronProblem('0,55 0,23 * * *')).toMatch(/5 minutes apart/);
    // Mondays only: 23:55 is never followed by 00:00 the next day.
    expect(cronProblem('0,55 0,23 * * 1')).toBeNull();
  });

  it('takes an interval or a cron expression, not both, and an interval of 15 minutes or more', () => {
    expect(scheduleErrors({ intervalMinutes: 14, cron: null })).toEqual([
      expect.objectContaining({ field: 'interval_minutes' }),
    ]);
    expect(scheduleErrors({ intervalMinutes: 60, cron: '0 6 * * *' })).toEqual([
      { field: 'cron', message: 'give interval_minutes or cron, not both' },
    ]);
    expect(scheduleErrors({ intervalMinutes: null, cron: null })).toEqual([]);
  });

  it('runs a new interval source at once, a cron source at its next time, a manual one never', () => {
    expect(firstRunAt({ intervalMinutes: 60, cron: null }, AT)).toBe(AT.toISOString());
    expect(nextRunAfter({ intervalMinutes: 60, cron: null }, AT)).toBe('2026-03-04T11:20:00.000Z');
    expect(firstRunAt({ intervalMinutes: null, cron: '*/15 * * * *' }, AT)).toBe(
      '2026-03-04T10:30:00.000Z',
    );
    expect(firstRunAt({ intervalMinutes: null, cron: null }, AT)).toBeNull();
    expect(tidyCron('  0   6 * *  * ')).toBe('0 6 * * *');
    expect(tidyCron('   ')).toBeNull();
  });
});
