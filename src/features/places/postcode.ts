// UK postcodes as people type them and as the directory keys them: upper case, one space
// before the three-character inward code ("M1 1AE"). The shape is checked, not the existence:
// whether a postcode exists is the imported table's answer.

/** Outward code (area letters, district digit, optional letter or digit) then inward code. */
const SHAPE = /^([A-Z]{1,2}[0-9][A-Z0-9]?|GIR)([0-9][A-Z]{2})$/;

/** Spaces, tabs and `+` (a space in a query string) between or around the parts. */
const SEPARATORS = /[\s+]+/g;

/** The directory key of a postcode in any spacing or case, or null if it is not a UK postcode shape. */
export function normalisePostcode(input: string): string | null {
  if (input.length > 32) return null;
  const match = SHAPE.exec(input.replace(SEPARATORS, '').toUpperCase());
  return match ? `${match[1]} ${match[2]}` : null;
}

/** Whether a string is shaped like a UK postcode (in any spacing or case). */
export const isPostcodeShape = (input: string): boolean => normalisePostcode(input) !== null;
