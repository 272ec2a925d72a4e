import { describe, expect, it } from 'vitest';
import { rdfSyntaxOf } from './rdf-format.js';

const page = (url: string, contentType: string, body: string) => ({ url, contentType, body });
const SITE = 'https://data.example.org';

describe('which RDF syntax a catalogue page is in', () => {
  it.each([
    ['text/turtle; charset=utf-8', 'turtle'],
    ['application/n-triples', 'turtle'],
    ['application/rdf+xml', 'rdfxml'],
    ['application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"', 'jsonld'],
  ])('a page answered as %s is %s, whatever its body or URL', (type, syntax) => {
    expect(rdfSyntaxOf(page(`${SITE}/catalog.json`, type, '{}'))).toBe(syntax);
  });

  it('reads application/json as JSON-LD only when it uses a JSON-LD keyword', () => {
    const json = page(`${SITE}/catalog`, 'application/json', '{ "@context": {}, "@graph": [] }');
    expect(rdfSyntaxOf(json)).toBe('jsonld');
    expect(() => rdfSyntaxOf({ ...json, body: '{"success": true}' })).toThrow(
      /JSON that is not JSON-LD/,
    );
  });

  it('reads XML as RDF/XML only when it holds rdf:RDF', () => {
    const rdf = '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x"></rdf:RDF>';
    expect(rdfSyntaxOf(page(`${SITE}/catalog`, 'application/xml', rdf))).toBe('rdfxml');
    expect(() => rdfSyntaxOf(page(`${SITE}/feed`, 'text/xml', '<rss></rss>'))).toThrow(
      /XML that is not RDF\/XML/,
    );
  });

  it('falls back on the file extension, then on the first characters, for a generic type', () => {
    expect(rdfSyntaxOf(page(`${SITE}/catalog.rdf`, 'text/plain', '<rdf:RDF>'))).toBe('rdfxml');
    expect(rdfSyntaxOf(page(`${SITE}/catalog.nt`, '', '<a> <b> <c> .'))).toBe('turtle');
    expect(rdfSyntaxOf(page(`${SITE}/catalog.jsonld`, 'text/plain', '{"@graph":[]}'))).toBe(
      'jsonld',
    );
    // The body says more than a misleading extension.
    expect(
      rdfSyntaxOf(page(`${SITE}/catalog.ttl`, 'application/octet-stream', '{"@id": "x"}')),
    ).toBe('jsonld');
    expect(rdfSyntaxOf(page(`${SITE}/catalog`, '', '@prefix dcat: <x> .'))).toBe('turtle');
  });

  it('names a web page answered for the catalogue', () => {
    expect(() => rdfSyntaxOf(page(`${SITE}/catalog`, 'text/html', ''))).toThrow(
      `The source answered a web page (HTML) at ${SITE}/catalog, not DCAT in Turtle, RDF/XML or JSON-LD; give the catalogue's RDF URL`,
    );
    expect(() =>
      rdfSyntaxOf(page(`${SITE}/catalog.ttl`, 'text/plain', '<!DOCTYPE html><html>')),
    ).toThrow(/a web page \(HTML\)/);
  });
});
