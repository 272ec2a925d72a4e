import { describe, expect, it } from 'vitest';
import { preferredRdf } from './negotiation.js';

describe('choosing RDF by Accept', () => {
  it('keeps HTML for browsers, wildcards and no header', () => {
    expect(preferredRdf(undefined)).toBeNull();
    expect(preferredRdf('*/*')).toBeNull();
    expect(
      preferredRdf('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'),
    ).toBeNull();
    expect(preferredRdf('text/turtle;q=0.5, text/html')).toBeNull();
    expect(preferredRdf('nonsense')).toBeNull();
  });

  it('gives RDF to clients that prefer it', () => {
    expect(preferredRdf('text/turtle')).toBe('turtle');
    expect(preferredRdf('application/ld+json')).toBe('jsonld');
    expect(preferredRdf('application/rdf+xml;q=0.9, text/html;q=0.5')).toBe('rdfxml');
    expect(preferredRdf('text/turtle, */*;q=0.1')).toBe('turtle');
    expect(preferredRdf('application/ld+json;q=0.8, text/turtle;q=0.9')).toBe('turtle');
    expect(preferredRdf('TEXT/Turtle')).toBe('turtle');
  });

  it('ignores a type the client refuses (q=0)', () => {
    expect(preferredRdf('text/turtle;q=0, application/ld+json')).toBe('jsonld');
    expect(preferredRdf('text/html;q=0, text/turtle;q=0')).toBeNull();
  });
});
