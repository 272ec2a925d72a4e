import { describe, expect, it } from 'vitest';
import { rewindForD3 } from './rewind.js';

describe('rewinding boundaries for d3', () => {
  it('turns an anticlockwise outer ring clockwise and leaves a clockwise one', () => {
    const ccw = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const out = rewindForD3({ type: 'Polygon', coordinates: [ccw] }) as {
      coordinates: number[][][];
    };
    expect(out.coordinates[0]).toEqual([...ccw].reverse());
    const again = rewindForD3(out) as { coordinates: number[][][] };
    expect(again.coordinates[0]).toEqual([...ccw].reverse());
  });
});
