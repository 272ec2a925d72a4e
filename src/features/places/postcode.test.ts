import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePostcode } from './postcode.js';

const letters = (chars: string, min: number, max: number) =>
  fc
    .array(fc.constantFrom(...chars.split('')), { minLength: min, maxLength: max })
    .map((a) => a.join(''));
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** Any valid postcode as its two parts: outward (A9, A9A, A99, AA9, AA9A, AA99) and inward. */
const postcode = fc.record({
  outward: fc.tuple(
    letters(LETTERS, 1, 2),
    letters(DIGITS, 1, 1),
    fc.option(letters(LETTERS + DIGITS, 1, 1), { nil: '' }),
  ),
  inward: fc.tuple(letters(DIGITS, 1, 1), letters(LETTERS, 2, 2)),
});
const spaces = fc
  .array(fc.constantFrom(' ', '\t', '+', '  '), { maxLength: 3 })
  .map((a) => a.join(''));

/** The string with each letter's case flipped where the mask says so. */
const recase = (s: string, mask: boolean[]) =>
  s
    .split('')
    .map((c, i) => (mask[i % Math.max(mask.length, 1)] ? c.toLowerCase() : c))
    .join('');

describe('postcode normalisation', () => {
  it('keys the usual forms the same way', () => {
    for (const typed of ['M1 1AE', 'm11ae', ' M1  1ae ', 'm1+1ae', 'M11AE']) {
      expect(normalisePostcode(typed)).toBe('M1 1AE');
    }
    expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(normalisePostcode('EC1A 1BB')).toBe('EC1A 1BB');
    expect(normalisePostcode('GIR 0AA')).toBe('GIR 0AA');
  });

  it('refuses what is not shaped like a UK postcode', () => {
    for (const typed of [
      '',
      'M1',
      '1AE',
      'M1 1A',
      'M1 AAE',
      '12 1AE',
      'ABC1 1AE',
      'M1 1AE X',
      'M1-1AE',
      "M1 1AE'--",
    ]) {
      expect(normalisePostcode(typed), typed).toBeNull();
    }
    expect(normalisePostcode('M1 1AE'.padEnd(100, ' '))).toBeNull();
  });

  it('normalises any spacing and case of a valid postcode to the same key', () => {
    fc.assert(
      fc.property(
        postcode,
        fc.tuple(spaces, spaces, spaces),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        ({ outward, inward }, [before, between, after], mask) => {
          const out = outward.join('');
          const inw = inward.join('');
          const key = `${out} ${inw}`;
          expect(normalisePostcode(key)).toBe(key);
          const typed = `${before}${recase(out, mask)}${between}${recase(inw, mask.slice(1))}${after}`;
          expect(normalisePostcode(typed)).toBe(key);
        },
      ),
    );
  });
});
