import { describe, expect, it } from 'vitest';
import { diffOf } from './diff.js';

describe('diffOf', () => {
  it('lists only changed fields, arrays compared by value', () => {
    expect(
      diffOf(
        { title: 'A', tags: ['x'], licence: 'OGL-UK-3.0' },
        { title: 'B', tags: ['x'], licence: 'OGL-UK-3.0', state: 'active' },
      ),
    ).toEqual({ title: { from: 'A', to: 'B' }, state: { from: null, to: 'active' } });
  });
});
