import { describe, expect, it } from 'vitest';
import { datasetSlugOf, inputFrom, blankForm } from './submit.view.js';

describe('the datasets typed in the form', () => {
  it('are short names or the addresses of dataset pages, one per line or by commas', () => {
    expect(datasetSlugOf('https://data.example/datasets/bus-times?tab=1')).toBe('bus-times');
    expect(datasetSlugOf(' /datasets/air-quality ')).toBe('air-quality');
    expect(datasetSlugOf('claimant-count')).toBe('claimant-count');
    const input = inputFrom({ ...blankForm(), datasets: 'a\n/datasets/b, c\n\n' });
    expect(input.datasets).toEqual(['a', 'b', 'c']);
  });
});
