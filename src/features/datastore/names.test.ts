import { describe, expect, it } from 'vitest';
import { uniqueNames } from './names.js';

describe('uniqueNames', () => {
  it('names blank columns, numbers repeats and avoids reserved names, keeping order', () => {
    expect(uniqueNames(['Ward', ' ', 'ward', 'Count', '_id', 'count'], ['_id'])).toEqual([
      'Ward',
      'column_2',
      'ward_2',
      'Count',
      '_id_2',
      'count_2',
    ]);
  });
});
