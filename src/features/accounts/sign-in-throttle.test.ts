import { describe, expect, it } from 'vitest';
import { ACCOUNT_RULE, ADDRESS_RULE, delayAfter } from './sign-in-throttle.js';

describe('the sign-in back-off', () => {
  it('lets the first failures through, then doubles the wait up to a cap', () => {
    const waits = Array.from({ length: 12 }, (_, i) => delayAfter(ACCOUNT_RULE, i + 1));
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
    expect(delayAfter(ACCOUNT_RULE, 1_000_000)).toBe(900);
  });

  it('gives a shared address more room than one account', () => {
    expect(delayAfter(ADDRESS_RULE, 19)).toBe(0);
    expect(delayAfter(ADDRESS_RULE, 20)).toBe(30);
  });
});
