import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FqSyntaxError, parseFq } from './fq-parse.js';

// The filter query's syntax, as CKAN clients write it.

const term = (field: string, value: string, quoted = false) => ({
  type: 'term',
  field,
  value,
  quoted,
});

describe('parseFq', () => {
  it('reads field:value, and an empty fq as everything', () => {
    expect(parseFq('tags:buses')).toEqual(term('tags', 'buses'));
    expect(parseFq('  ')).toEqual({ type: 'all' });
    expect(parseFq('*:*')).toEqual({ type: 'all' });
  });

  it('takes space as AND, and honours AND, OR and parentheses with OR binding looser', () => {
    expect(parseFq('tags:a organization:bolton')).toEqual({
      type: 'and',
      items: [term('tags', 'a'), term('organization', 'bolton')],
    });
    expect(parseFq('tags:a OR tags:b AND res_format:CSV')).toEqual({
      type: 'or',
      items: [
        term('tags', 'a'),
        { type: 'and', items: [term('tags', 'b'), term('res_format', 'CSV')] },
      ],
    });
    expect(parseFq('(tags:a OR tags:b) res_format:CSV')).toEqual({
      type: 'and',
      items: [
        { type: 'or', items: [term('tags', 'a'), term('tags', 'b')] },
        term('res_format', 'CSV'),
      ],
    });
  });

  it('reads quoted values with spaces and escapes', () => {
    expect(parseFq('tags:"road safety"')).toEqual(term('tags', 'road safety', true));
    expect(parseFq('name:"say \\"hi\\""')).toEqual(term('name', 'say "hi"', true));
  });

  it('reads negation by -, NOT and !, and + as a plain clause', () => {
    expect(parseFq('-tags:a')).toEqual({ type: 'not', item: term('tags', 'a') });
    expect(parseFq('NOT tags:a')).toEqual({ type: 'not', item: term('tags', 'a') });
    expect(parseFq('+tags:a -organization:wigan')).toEqual({
      type: 'and',
      items: [term('tags', 'a'), { type: 'not', item: term('organization', 'wigan') }],
    });
  });

  it('reads ranges, open-ended and exclusive, and values with colons', () => {
    expect(parseFq('metadata_modified:[2024-01-01T00:00:00Z TO *]')).toEqual({
      type: 'range',
      field: 'metadata_modified',
      from: '2024-01-01T00:00:00Z',
      to: '*',
      fromIncluded: true,
      toIncluded: true,
    });
    expect(parseFq('metadata_created:{* TO NOW-1DAY}')).toMatchObject({
      from: '*',
      to: 'NOW-1DAY',
      fromIncluded: false,
      toIncluded: false,
    });
    expect(parseFq('metadata_modified:2024-01-01T00:00:00Z')).toEqual(
      term('metadata_modified', '2024-01-01T00:00:00Z'),
    );
  });

  it("reads a field's group of values", () => {
    expect(parseFq('res_format:(CSV OR "GeoJSON")')).toEqual({
      type: 'or',
      items: [term('res_format', 'CSV'), term('res_format', 'GeoJSON', true)],
    });
  });

  it.each([
    ['buses', /no field/],
    ['tags:"open', /quoted value is not closed/],
    ['(tags:a', /parenthesis is not closed/],
    ['tags:a)', /unexpected/],
    ['metadata_modified:[2024 TO]', /range/],
    ['metadata_modified:[2024 TO *', /range is not closed/],
    ['tags:', /ends too early/],
    ['tags:(organization:x)', /field inside/],
    ['tags:a OR', /ends too early/],
    ['{!frange l=1}x', /local parameters/],
    ['[a TO b]', /unexpected/],
  ])('refuses %s, saying why', (fq, message) => {
    expect(() => parseFq(fq)).toThrow(FqSyntaxError);
    expect(() => parseFq(fq)).toThrow(message);
  });
});

describe('parseFq on anything', () => {
  // Pieces of fq syntax shuffled together: the parser answers a tree or says what it cannot
  // read, and never fails any other way (a crash here would be a 500 to the caller).
  const piece = fc.constantFrom(
    'tags:',
    'organization:',
    'metadata_modified:',
    '"',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    ' TO ',
    ' OR ',
    ' AND ',
    'NOT ',
    '-',
    '+',
    '*',
    ':',
    '\\',
    ' ',
    'buses',
    '2024-01-01T00:00:00Z',
    '{!',
    '&&',
    '||',
    '!',
  );
  it('returns a tree or throws FqSyntaxError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
          fc.string(),
        ),
        (fq) => {
          try {
            parseFq(fq);
          } catch (err) {
            expect(err).toBeInstanceOf(FqSyntaxError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
