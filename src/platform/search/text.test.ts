import { describe, expect, it } from 'vitest';
import { ftsQuery, parseQuery, stem, stemText, tsQuery } from './text.js';

describe('search text', () => {
  it('stems plurals and singulars alike, so "buses" finds "bus"', () => {
    expect(stem('buses')).toBe(stem('bus'));
    expect(stem('houses')).toBe(stem('housing'));
    expect(stem('crimes')).toBe(stem('crime'));
  });

  it('folds case and accents and drops punctuation', () => {
    expect(stemText('Café-Bars, OPEN!')).toBe(stemText('cafe bar open'));
  });

  it('matches the last word as a prefix too', () => {
    const terms = parseQuery('air qual');
    expect(terms).not.toBeNull();
    if (!terms) return;
    expect(ftsQuery(terms)).toContain('words : "qual" *');
    expect(tsQuery(terms)).toContain('qual:*D');
  });

  it('cannot be made to inject query syntax', () => {
    const terms = parseQuery('") OR * NOT {x} : \' ; --');
    expect(terms?.stems).toEqual(['or', 'not']);
    if (!terms) return;
    // Every token is quoted: user text never becomes an operator.
    expect(ftsQuery(terms)).toBe(
      '{title tags description} : "or" AND {title tags description} : "not" AND ' +
        '({title tags description} : "x" OR words : "x" *)',
    );
    expect(parseQuery(' ;-- ')).toBeNull();
  });
});
