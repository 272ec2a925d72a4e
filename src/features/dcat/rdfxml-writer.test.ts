import { Readable } from 'node:stream';
import { DataFactory, type Quad } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, splitProperty, toRdfXml } from './rdfxml-writer.js';

// n3's factory functions are plain functions that do not use `this`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const { namedNode, literal, blankNode, quad } = DataFactory;

function parse(xml: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const out: Quad[] = [];
    const parser = new RdfXmlParser();
    parser.on('data', (q: Quad) => {
      out.push(q);
    });
    parser.on('error', reject);
    parser.on('end', () => {
      resolve(out);
    });
    Readable.from([xml]).pipe(parser);
  });
}

const show = (q: Quad) =>
  [q.subject, q.predicate, q.object]
    .map((t) =>
      t.termType === 'Literal'
        ? `${JSON.stringify(t.value)}@${t.language}^^${t.datatype.value}`
        : t.termType === 'BlankNode'
          ? '_'
          : t.value,
    )
    .join(' ');

describe('the RDF/XML writer', () => {
  it('writes IRIs, blank nodes, language-tagged, typed and plain literals that parse back', async () => {
    const s = namedNode("https://example.org/a?x=1&y='2'");
    const b = blankNode('n1');
    const quads = [
      quad(s, namedNode('http://purl.org/dc/terms/title'), literal('Fish & <chips>', 'en')),
      quad(
        s,
        namedNode('http://purl.org/dc/terms/issued'),
        literal('2024-01-01T00:00:00Z', namedNode('http://www.w3.org/2001/XMLSchema#dateTime')),
      ),
      quad(
        s,
        namedNode('http://example.org/vocab/size-in-bytes'),
        literal('line one\r\nline two\ttab "quoted"'),
      ),
      quad(s, namedNode('http://purl.org/dc/terms/spatial'), b),
      quad(
        b,
        namedNode('http://www.w3.org/2004/02/skos/core#prefLabel'),
        literal("Bolton's ]]> centre"),
      ),
      quad(
        s,
        namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'),
        namedNode('http://www.w3.org/ns/dcat#Dataset'),
      ),
    ];
    const parsed = await parse(toRdfXml(quads));
    expect(parsed.map(show).sort()).toEqual(quads.map(show).sort());
  });

  it('declares a namespace for properties outside the known prefixes', () => {
    const xml = toRdfXml([
      quad(namedNode('http://example.org/s'), namedNode('http://example.org/v#p1'), literal('x')),
    ]);
    expect(xml).toContain('xmlns:ns12="http://example.org/v#"');
    expect(xml).toContain('<ns12:p1>x</ns12:p1>');
  });

  it('refuses a property that has no XML name', () => {
    expect(() => splitProperty('http://example.org/123')).toThrow(/cannot be written/);
    expect(splitProperty('http://purl.org/dc/terms/title')).toEqual([
      'http://purl.org/dc/terms/',
      'title',
    ]);
  });

  it('escapes what XML must not see raw, and replaces what XML cannot carry', () => {
    expect(escapeText('a < b & c > d\r')).toBe('a &lt; b &amp; c &gt; d&#xD;');
    expect(escapeAttribute('"x"\n\t')).toBe('&quot;x&quot;&#xA;&#x9;');
    expect(escapeText('bell\u0007 and \uD800 alone')).toBe('bell\uFFFD and \uFFFD alone');
    expect(escapeText('emoji 😀 stays')).toBe('emoji 😀 stays');
  });
});
