import { describe, expect, it } from 'vitest';
import { suggestionLine } from './promise.view.js';

describe('the suggested status beside the rating', () => {
  it('names both when the indicators and the editor differ', () => {
    expect(suggestionLine('stalled', 'in-the-works')).toBe(
      'Indicators suggest: in the works; rated: stalled',
    );
  });

  it('says they agree, and says nothing without a suggestion', () => {
    expect(suggestionLine('kept', 'kept')).toBe('Indicators suggest: kept, as rated');
    expect(suggestionLine('kept', null)).toBeNull();
  });
});
