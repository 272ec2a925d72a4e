import { Readable } from 'node:stream';
import jsonld from 'jsonld';
import { DataFactory, Parser, Store, type Quad, type Quad_Graph, type Term } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type { HarvestFetcher } from '../harvest-record.js';
import { rdfSyntaxOf, SYNTAX_NAMES, type RdfSyntax } from './rdf-format.js';

// A catalogue page in any of the RDF syntaxes DCAT is published in, read into the one n3 Store
// the DCAT reader queries. JSON-LD may name remote @context documents: those are fetched only
// through the harvest's own fetcher (address checks, timeout, size and redirect limits), at most
// MAX_CONTEXTS different ones a harvest, and never over the network any other way.

export const MAX_CONTEXTS = 8;
const CONTEXT_ACCEPT = 'application/ld+json, application/json;q=0.9';

interface Page {
  url: string;
  body: string;
  contentType: string;
}
interface RemoteDocument {
  documentUrl: string;
  document: jsonld.JsonLdDocument;
}

/** Loads JSON-LD contexts through the harvest's fetcher, each once, a few a harvest. */
export function contextLoader(fetcher: HarvestFetcher) {
  const loaded = new Map<string, Promise<RemoteDocument>>();
  return (url: string): Promise<RemoteDocument> => {
    const known = loaded.get(url);
    if (known) return known;
    if (loaded.size >= MAX_CONTEXTS) {
      return Promise.reject(
        new Error(`more than ${String(MAX_CONTEXTS)} remote JSON-LD contexts (the next: ${url})`),
      );
    }
    const load = (async () => {
      if (!/^https?:\/\//i.test(url)) throw new Error(`the context ${url} is not an http(s) URL`);
      const answer = await fetcher.get(url, CONTEXT_ACCEPT);
      try {
        const document = JSON.parse(answer.body) as jsonld.JsonLdDocument;
        return { documentUrl: answer.url, document };
      } catch {
        throw new Error(`the context at ${answer.url} is not JSON`);
      }
    })();
    loaded.set(url, load);
    return load;
  };
}

export type ContextLoader = ReturnType<typeof contextLoader>;

function parseTurtle(page: Page): Quad[] {
  // Relative IRIs (a next page written as <?page=2>) resolve against the page's own URL.
  return new Parser({ baseIRI: page.url, format: 'text/turtle' }).parse(page.body);
}

function parseRdfXml(page: Page): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new RdfXmlParser({ baseIRI: page.url, dataFactory: DataFactory });
    parser.on('data', (q: Quad) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => {
      resolve(quads);
    });
    Readable.from([page.body]).pipe(parser);
  });
}

interface JsonLdTerm {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
}
interface JsonLdQuad {
  subject: JsonLdTerm;
  predicate: JsonLdTerm;
  object: JsonLdTerm;
  graph: JsonLdTerm;
}

/** A term of jsonld's output as an n3 term (jsonld writes blank nodes as `_:b0`). */
function term(t: JsonLdTerm): Term {
  switch (t.termType) {
    case 'NamedNode':
      return DataFactory.namedNode(t.value);
    case 'BlankNode':
      return DataFactory.blankNode(t.value.replace(/^_:/, ''));
    case 'Literal':
      return DataFactory.literal(
        t.value,
        t.language ?? (t.datatype ? DataFactory.namedNode(t.datatype.value) : undefined),
      );
    default:
      return DataFactory.defaultGraph();
  }
}

/**
 * jsonld wraps a context that could not be loaded in advice meant for browsers (CORS); the
 * administrator needs the context's URL and what its server answered, which the cause holds.
 */
function contextFailure(err: unknown): Error | null {
  const details = (err as { details?: { code?: unknown; url?: unknown; cause?: unknown } }).details;
  if (details?.code !== 'loading remote context failed') return null;
  const cause = details.cause instanceof Error ? `: ${details.cause.message}` : '';
  return new Error(`its @context ${String(details.url)} could not be loaded${cause}`, {
    cause: err,
  });
}

async function parseJsonLd(page: Page, loadContext: ContextLoader): Promise<Quad[]> {
  let document: unknown;
  try {
    document = JSON.parse(page.body);
  } catch (err) {
    throw new Error(`it is not JSON (${(err as Error).message})`, { cause: err });
  }
  let quads: JsonLdQuad[];
  try {
    const options = { base: page.url, documentLoader: loadContext };
    quads = (await jsonld.toRDF(
      document as jsonld.JsonLdDocument,
      options as jsonld.Options.ToRdf,
    )) as unknown as JsonLdQuad[];
  } catch (err) {
    throw contextFailure(err) ?? err;
  }
  return quads.map((q) =>
    DataFactory.quad(
      term(q.subject) as Quad['subject'],
      term(q.predicate) as Quad['predicate'],
      term(q.object) as Quad['object'],
      term(q.graph) as Quad_Graph,
    ),
  );
}

async function quadsOf(page: Page, syntax: RdfSyntax, loadContext: ContextLoader) {
  if (syntax === 'turtle') return parseTurtle(page);
  if (syntax === 'rdfxml') return parseRdfXml(page);
  return parseJsonLd(page, loadContext);
}

/** The page as a graph, in whichever syntax it is written; throws naming the syntax if not. */
export async function parseRdfPage(page: Page, loadContext: ContextLoader): Promise<Store> {
  const syntax = rdfSyntaxOf(page);
  const name = SYNTAX_NAMES[syntax];
  let quads: Quad[];
  try {
    quads = await quadsOf(page, syntax, loadContext);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`The source's answer at ${page.url} is not valid ${name}: ${reason}`, {
      cause: err,
    });
  }
  // A page saying nothing (JSON-LD without a context, an empty body) would read as a catalogue
  // with no datasets, and withdraw every one harvested before; refuse it instead.
  if (quads.length === 0) {
    throw new Error(
      `The source's answer at ${page.url} holds no RDF statements (read as ${name})${syntax === 'jsonld' ? '; are its terms defined by a @context?' : ''}`,
    );
  }
  return new Store(quads);
}
