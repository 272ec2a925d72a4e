import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.js';

describe('SignInThrottle', () => {
  it('blocks an address after five failures, for fifteen minutes', () => {
    let at = 0;
    const throttle = new SignInThrottle(() => at);
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@example.org');
    expect(throttle.isBlocked('a@example.org')).toBe(false);
    throttle.recordFailure('a@example.org');
    expect(throttle.isBlocked('a@example.org')).toBe(true);
    expect(throttle.isBlocked('b@example.org')).toBe(false);
    at += 15 * 60_000 + 1;
    expect(throttle.isBlocked('a@example.org')).toBe(false);
  });

  it('forgets failures after a successful sign-in', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@example.org');
    throttle.reset('a@example.org');
    throttle.recordFailure('a@example.org');
    expect(throttle.isBlocked('a@example.org')).toBe(false);
  });
});
