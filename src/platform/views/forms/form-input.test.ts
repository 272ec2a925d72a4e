import { describe, expect, it } from 'vitest';
import { formErrors } from './form-errors.js';
import { safeNext } from './form-input.js';

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/publish/datasets/new?x=1')).toBe('/publish/datasets/new?x=1');
    expect(safeNext('/')).toBe('/');
  });

  it('percent-encodes what a Location header cannot carry, and resolves dot segments', () => {
    expect(safeNext('/datasets/€')).toBe('/datasets/%E2%82%AC');
    expect(safeNext('/a/../b?x=é')).toBe('/b?x=%C3%A9');
    expect(safeNext('/..//evil.example')).toBeNull();
  });

  it('refuses anything a browser could read as another site', () => {
    for (const next of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/\u0085x',
      'evil',
      '/ok\nLocation: x',
      '',
      undefined,
      ['/publish'],
    ]) {
      expect(safeNext(next), String(next)).toBeNull();
    }
  });
});

describe('formErrors', () => {
  it('words service errors as sentences linked to the fields', () => {
    const errors = formErrors(
      [
        { field: 'email', message: 'has no account here' },
        { field: 'contact.email', message: 'Enter a real address' },
        { field: 'mystery', message: 'is odd' },
      ],
      { email: { label: 'E-mail address' }, contact: { label: 'Contact', id: 'contact-email' } },
    );
    expect(errors.list).toEqual([
      { text: 'E-mail address has no account here', href: '#email' },
      { text: 'Enter a real address', href: '#contact-email' },
    ]);
    // An error on a field the form does not show is not lost: it lands on the first field,
    // unless that already has one.
    expect(errors.fields.email?.text).toBe('E-mail address has no account here');
  });
});
