import { describe, expect, it } from 'vitest';
import { datasetSlugOf, datasetSlugsOf, missingDatasetsError } from './dataset-refs.js';

describe('the datasets typed in a form', () => {
  it('are short names or the addresses of dataset pages, one per line or by commas', () => {
    expect(datasetSlugOf('https://data.example/datasets/bus-times?tab=1')).toBe('bus-times');
    expect(datasetSlugOf('http://data.example/datasets/bus-times#map')).toBe('bus-times');
    expect(datasetSlugOf(' /datasets/air-quality ')).toBe('air-quality');
    expect(datasetSlugOf('claimant-count')).toBe('claimant-count');
    expect(datasetSlugOf('/datasets/bad%zz')).toBe('bad%zz');
    expect(datasetSlugsOf('a\n/datasets/b, c\n\nhttps://x.example/datasets/a\n')).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('not found are named all in one sentence', () => {
    expect(missingDatasetsError(['a']).message).toBe('There is no public dataset “a”');
    expect(missingDatasetsError(['a', 'b', 'c']).message).toBe(
      'There are no public datasets “a”, “b” and “c”',
    );
  });
});
