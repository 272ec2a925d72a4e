import jsonld from 'jsonld';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { compactIri, toJsonLd } from './jsonld-writer.js';

// n3's factory functions are plain functions that do not use `this`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const { namedNode, literal, quad } = DataFactory;

describe('the JSON-LD writer', () => {
  it('shortens only properties and classes under declared prefixes', () => {
    expect(compactIri('http://www.w3.org/ns/dcat#Dataset')).toBe('dcat:Dataset');
    expect(compactIri('http://purl.org/dc/terms/')).toBe('http://purl.org/dc/terms/');
    expect(compactIri('http://purl.org/dc/terms/a/b')).toBe('http://purl.org/dc/terms/a/b');
    expect(compactIri('https://example.org/x')).toBe('https://example.org/x');
  });

  it('writes a document a JSON-LD processor reads back to the same quads', async () => {
    const s = namedNode('https://example.org/dataset/a');
    const quads = [
      quad(
        s,
        namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'),
        namedNode('http://www.w3.org/ns/dcat#Dataset'),
      ),
      quad(s, namedNode('http://purl.org/dc/terms/title'), literal('Títle "quoted"', 'en')),
      quad(
        s,
        namedNode('http://www.w3.org/ns/dcat#byteSize'),
        literal('12', namedNode('http://www.w3.org/2001/XMLSchema#nonNegativeInteger')),
      ),
      quad(s, namedNode('http://purl.org/dc/terms/identifier'), literal('dcat:not-an-iri')),
      quad(
        s,
        namedNode('http://www.w3.org/ns/dcat#landingPage'),
        namedNode('https://example.org/datasets/a'),
      ),
    ];
    interface Term {
      termType: string;
      value: string;
      language?: string;
      datatype?: { value: string };
    }
    // A language-tagged literal's datatype is rdf:langString either way; the tag says it all.
    const key = (q: { subject: Term; predicate: Term; object: Term }) => {
      const o = q.object;
      const object =
        o.termType === 'Literal'
          ? `"${o.value}"${o.language ? `@${o.language}` : `^^${o.datatype?.value ?? ''}`}`
          : o.value;
      return `${q.subject.value} ${q.predicate.value} ${object}`;
    };
    const back = (await jsonld.toRDF(toJsonLd(quads) as jsonld.JsonLdDocument)) as unknown as {
      subject: Term;
      predicate: Term;
      object: Term;
    }[];
    expect(back.map(key).sort()).toEqual(quads.map(key).sort());
  });
});
