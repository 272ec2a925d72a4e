import { describe, expect, it } from 'vitest';
import { checkInput, isWebLink } from './showcase-input.js';

describe('a showcase link', () => {
  it('is an http(s) address and nothing else', () => {
    expect(isWebLink('https://example.org/app')).toBe(true);
    expect(isWebLink('HTTP://example.org')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://x.org',
      '/datasets/a',
      'https://a b.org',
      'https://',
    ]) {
      expect(isWebLink(bad), bad).toBe(false);
    }
  });
});

describe('a submission', () => {
  const ok = {
    title: '  Bus app ',
    description: 'Uses the data',
    type: 'app',
    link: 'https://example.org',
    datasets: ['a', ' a ', 'b', ''],
  };

  it('is trimmed, takes the account name when none is chosen, and lists each dataset once', () => {
    const { value, errors } = checkInput(ok, 'Sam');
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ title: 'Bus app', author_name: 'Sam', datasets: ['a', 'b'] });
  });

  it('names every problem at once', () => {
    const { errors } = checkInput(
      { title: '', description: ' ', type: 'poem', link: 'javascript:x', datasets: [] },
      'Sam',
    );
    expect(errors.map((e) => e.field)).toEqual([
      'title',
      'description',
      'type',
      'link',
      'datasets',
    ]);
  });
});
