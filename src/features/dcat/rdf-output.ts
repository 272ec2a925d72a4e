import { Writer, type Quad } from 'n3';
import { toJsonLd } from './jsonld-writer.js';
import type { RdfFormat } from './negotiation.js';
import { toRdfXml } from './rdfxml-writer.js';
import { PREFIXES } from './vocabularies.js';

export const MEDIA_TYPES: Readonly<Record<RdfFormat, string>> = {
  turtle: 'text/turtle; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  rdfxml: 'application/rdf+xml; charset=utf-8',
};

/** File extension to format (`.xml` is RDF/XML too, for harvesters that ask for it by name). */
export const EXTENSIONS: Readonly<Record<string, RdfFormat>> = {
  ttl: 'turtle',
  jsonld: 'jsonld',
  rdf: 'rdfxml',
  xml: 'rdfxml',
};

function toTurtle(quads: Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...PREFIXES } });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => {
    writer.end((err: Error | null, result: string) => {
      if (err) reject(err);
      else resolve(result);
    });
  });
}

/** One document's quads in the format asked for. */
export async function serialise(quads: Quad[], format: RdfFormat): Promise<string> {
  if (format === 'turtle') return toTurtle(quads);
  if (format === 'jsonld') return `${JSON.stringify(toJsonLd(quads), null, 1)}\n`;
  return toRdfXml(quads);
}
