// Which RDF syntax a catalogue page is written in. The Content-Type decides when it names an RDF
// syntax; a generic one (text/plain, application/octet-stream, none) leaves it to the URL's file
// extension, then to the body's first characters. What is plainly not RDF (a web page, JSON
// without any JSON-LD keyword) is refused by name, so the administrator knows what was answered.

export type RdfSyntax = 'turtle' | 'rdfxml' | 'jsonld';

export const SYNTAX_NAMES: Readonly<Record<RdfSyntax, string>> = {
  turtle: 'Turtle',
  rdfxml: 'RDF/XML',
  jsonld: 'JSON-LD',
};

const BY_TYPE: Readonly<Record<string, RdfSyntax>> = {
  'text/turtle': 'turtle',
  'application/x-turtle': 'turtle',
  'application/turtle': 'turtle',
  // N-Triples is a subset of Turtle, read by the same parser.
  'application/n-triples': 'turtle',
  'text/n3': 'turtle',
  'application/rdf+xml': 'rdfxml',
  'application/ld+json': 'jsonld',
};

const BY_EXTENSION: Readonly<Record<string, RdfSyntax>> = {
  ttl: 'turtle',
  nt: 'turtle',
  n3: 'turtle',
  rdf: 'rdfxml',
  owl: 'rdfxml',
  jsonld: 'jsonld',
};

const HTML = /^(?:\uFEFF)?\s*(?:<!doctype html|<html[\s>])/i;
const RDF_XML = /<(?:[\w.-]+:)?RDF[\s>]/;
// Any JSON-LD keyword a node or the document would carry; plain JSON APIs have none.
const JSON_LD = /"@(?:context|graph|id|type)"\s*:/;

function notRdf(what: string, url: string): Error {
  return new Error(
    `The source answered ${what} at ${url}, not DCAT in Turtle, RDF/XML or JSON-LD; give the catalogue's RDF URL`,
  );
}

function extensionOf(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').pop() ?? '';
    const dot = last.lastIndexOf('.');
    return dot < 0 ? '' : last.slice(dot + 1).toLowerCase();
  } catch {
    return '';
  }
}

/** JSON: JSON-LD when it uses a JSON-LD keyword, else refused. */
function jsonSyntax(body: string, url: string): RdfSyntax {
  if (JSON_LD.test(body)) return 'jsonld';
  throw notRdf('JSON that is not JSON-LD (it has no @context, @graph, @id or @type)', url);
}

/** XML: RDF/XML when it holds an rdf:RDF element, else refused. */
function xmlSyntax(body: string, url: string): RdfSyntax {
  if (RDF_XML.test(body)) return 'rdfxml';
  throw notRdf('XML that is not RDF/XML (it has no rdf:RDF element)', url);
}

/** By the first characters: XML, JSON, a web page, or else Turtle (which the parser checks). */
function sniff(body: string, url: string): RdfSyntax {
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (HTML.test(start)) throw notRdf('a web page (HTML)', url);
  if (start.startsWith('<?xml') || /^<(?:[\w.-]+:)?RDF[\s>]/.test(start)) {
    return xmlSyntax(start, url);
  }
  if (start.startsWith('{') || start.startsWith('[')) return jsonSyntax(start, url);
  return 'turtle';
}

/** The syntax a page is written in (see above); throws naming what it is when it is not RDF. */
export function rdfSyntaxOf(page: { url: string; body: string; contentType: string }): RdfSyntax {
  const type = page.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const named = BY_TYPE[type];
  if (named) return named;
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    throw notRdf('a web page (HTML)', page.url);
  }
  if (type === 'application/json' || type.endsWith('+json')) return jsonSyntax(page.body, page.url);
  if (type === 'application/xml' || type === 'text/xml') return xmlSyntax(page.body, page.url);
  const byExtension = BY_EXTENSION[extensionOf(page.url)];
  // The extension is only a hint: a body that is plainly XML or JSON says more.
  const sniffed = sniff(page.body, page.url);
  return sniffed === 'turtle' && byExtension ? byExtension : sniffed;
}
