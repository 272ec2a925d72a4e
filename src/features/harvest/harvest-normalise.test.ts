import { describe, expect, it } from 'vitest';
import { dataset, resource } from './harvest-record.js';
import { catalogueLicence, catalogueRecord, plainText, recordHash } from './harvest-normalise.js';

describe('a harvested record made fit for the catalogue', () => {
  it('keeps text only: tags, scripts and entities of a description are gone', () => {
    expect(
      plainText('<p>Bins &amp; <b>recycling</b></p><script>steal()</script><p>Weekly</p>'),
    ).toBe('Bins & recycling\nWeekly');
    expect(plainText('Plain text, untouched')).toBe('Plain text, untouched');
  });

  it('drops links that are not http(s), in the landing page and the resources', () => {
    const d = dataset('x', 'Toilets');
    d.landingPage = 'JAVASCRIPT:alert(1)';
    d.resources = [
      resource('javascript:alert(1)', 'Bad'),
      resource('https://a.example/t.csv', 'Good'),
    ];
    const r = catalogueRecord(d, null);
    expect(r.sourceUrl).toBeNull();
    expect(r.resources.map((x) => x.url)).toEqual(['https://a.example/t.csv']);
  });

  it("maps sources' licences and frequencies to the catalogue's, else the source's default", () => {
    expect(catalogueLicence('uk-ogl', null)).toBe('OGL-UK-3.0');
    expect(catalogueLicence('https://creativecommons.org/licenses/by/4.0/', null)).toBe(
      'CC-BY-4.0',
    );
    expect(catalogueLicence('some-licence', 'CC0-1.0')).toBe('CC0-1.0');
    const d = dataset('x', 'Toilets');
    d.updateFrequency = 'http://publications.europa.eu/resource/authority/frequency/MONTHLY';
    expect(catalogueRecord(d, null).updateFrequency).toBe('monthly');
  });

  it('gives the same hash for the same record and another for any change', () => {
    const a = dataset('x', 'Toilets');
    const b = { ...dataset('x', 'Toilets'), tags: ['new'] };
    expect(recordHash(catalogueRecord(a, null))).toBe(
      recordHash(catalogueRecord(dataset('x', 'Toilets'), null)),
    );
    expect(recordHash(catalogueRecord(a, null))).not.toBe(recordHash(catalogueRecord(b, null)));
  });
});
