import { describe, expect, it } from 'vitest';
import { inTimePercent, overallScore } from './body-responsiveness.js';

describe('responsiveness in the overall score', () => {
  it('is the share in time of the requests whose timeliness is known, or none', () => {
    expect(inTimePercent(4, 3)).toBe(75);
    expect(inTimePercent(3, 1)).toBe(33.3);
    expect(inTimePercent(0, 0)).toBeNull();
  });

  it('weighs metadata 80% and responsiveness 20%, and never penalises a body without requests', () => {
    expect(overallScore(405, 100)).toBe(100);
    expect(overallScore(202.5, 0)).toBe(40);
    expect(overallScore(202.5, null)).toBe(50);
    // Perfect answers lift a body above one without requests; late ones lower it.
    expect(overallScore(202.5, 100)).toBeGreaterThan(overallScore(202.5, null));
    expect(overallScore(202.5, 20)).toBeLessThan(overallScore(202.5, null));
  });
});
