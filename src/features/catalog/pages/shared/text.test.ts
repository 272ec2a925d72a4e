import { describe, expect, it } from 'vitest';
import { excerpt } from './text.js';

describe('excerpt', () => {
  it('drops Markdown and cuts at a word', () => {
    expect(excerpt('## Heading\n\nSee [the map](http://x) **now**')).toBe(
      'Heading See the map now',
    );
    expect(excerpt('one two three four', 10)).toBe('one two…');
  });
});
