import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import jsonld from 'jsonld';
import { DataFactory, Parser, Store } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { Validator } from 'shacl-engine';

// Reading DCAT output back as a graph, and checking it against the published SHACL shapes.

/** The specifications' own files, beside the repository (../shared/conformance). */
export const DCAT_SHAPES_DIR = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'conformance',
  'dcat-ap-3.0.1',
);
export const hasDcatShapes = existsSync(DCAT_SHAPES_DIR);

interface TermLike {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
}
interface QuadLike {
  subject: TermLike;
  predicate: TermLike;
  object: TermLike;
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

function termKey(t: TermLike): string {
  if (t.termType === 'NamedNode') return `<${t.value}>`;
  if (t.termType === 'BlankNode') return '_:';
  const dt = t.datatype?.value ?? XSD_STRING;
  if (t.language) return `${JSON.stringify(t.value)}@${t.language.toLowerCase()}`;
  return dt === XSD_STRING || dt === LANG_STRING
    ? JSON.stringify(t.value)
    : `${JSON.stringify(t.value)}^^<${dt}>`;
}

/** The graph as sorted N-Triples-like lines (blank nodes all alike: the outputs have none). */
export function canonical(quads: Iterable<QuadLike>): string[] {
  return [...quads]
    .map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`)
    .sort();
}

export function parseTurtle(text: string, baseIRI?: string): QuadLike[] {
  return new Parser(baseIRI ? { baseIRI } : {}).parse(text);
}

export async function parseJsonLd(text: string): Promise<QuadLike[]> {
  return (await jsonld.toRDF(JSON.parse(text) as jsonld.JsonLdDocument)) as unknown as QuadLike[];
}

export function parseRdfXml(text: string): Promise<QuadLike[]> {
  return new Promise((resolve, reject) => {
    const out: QuadLike[] = [];
    const parser = new RdfXmlParser();
    parser.on('data', (q: QuadLike) => {
      out.push(q);
    });
    parser.on('error', reject);
    parser.on('end', () => {
      resolve(out);
    });
    Readable.from([text]).pipe(parser);
  });
}

// shacl-engine builds its report with an RDF/JS factory that can also make datasets.
const factory = { ...DataFactory, dataset: () => new Store() };

export interface ShaclResult {
  severity: string;
  focusNode: string;
  path: string;
  message: string;
}

/** A validator over these shape files of the DCAT-AP folder, loaded together. */
export function shaclValidator(...files: string[]) {
  const shapes = new Store();
  for (const f of files) {
    shapes.addQuads(new Parser().parse(readFileSync(path.join(DCAT_SHAPES_DIR, f), 'utf8')));
  }
  const validator = new Validator(shapes, { factory });
  return async (turtle: string): Promise<ShaclResult[]> => {
    const data = new Store(new Parser().parse(turtle));
    const report = await validator.validate({ dataset: data });
    return (
      report.results as {
        severity?: { value: string };
        focusNode?: { term?: { value: string } };
        path?: { predicates?: { value: string }[] }[];
        message?: { value: string }[];
      }[]
    ).map((r) => ({
      severity: (r.severity?.value ?? '').replace('http://www.w3.org/ns/shacl#', ''),
      focusNode: r.focusNode?.term?.value ?? '',
      path: r.path?.[0]?.predicates?.map((p) => p.value).join('|') ?? '',
      message: r.message?.map((m) => m.value).join(' ') ?? '',
    }));
  };
}
