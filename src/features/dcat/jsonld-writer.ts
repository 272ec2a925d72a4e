import type { Quad, Term } from 'n3';
import { PREFIXES, rdf, xsd } from './vocabularies.js';

// JSON-LD written from the same quads as the Turtle: one node object per subject in a @graph,
// every value an explicit value object, so no context rule (coercion, @vocab) can change what
// a value means. Only properties and classes are shortened to prefix:name; the context defines
// the prefixes, so a JSON-LD processor expands them back to the same IRIs.

type JsonValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };
type NodeObject = Record<string, string | string[] | JsonValue[]>;

const SAFE_LOCAL = /^[A-Za-z_][\w.-]*$/;

/** prefix:name when a declared prefix covers the IRI and the rest is a plain name. */
export function compactIri(iri: string): string {
  for (const [prefix, namespace] of Object.entries(PREFIXES)) {
    if (iri.startsWith(namespace) && SAFE_LOCAL.test(iri.slice(namespace.length))) {
      return `${prefix}:${iri.slice(namespace.length)}`;
    }
  }
  return iri;
}

function idOf(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function valueOf(term: Term): JsonValue {
  if (term.termType !== 'Literal') return { '@id': idOf(term) };
  if (term.language) return { '@value': term.value, '@language': term.language };
  if (term.datatype.value === xsd('string')) return { '@value': term.value };
  return { '@value': term.value, '@type': compactIri(term.datatype.value) };
}

/** The quads (default graph) as a JSON-LD document with its context. */
export function toJsonLd(quads: Iterable<Quad>): { '@context': object; '@graph': NodeObject[] } {
  const nodes = new Map<string, NodeObject>();
  for (const q of quads) {
    const id = idOf(q.subject);
    let node = nodes.get(id);
    if (!node) {
      node = { '@id': id };
      nodes.set(id, node);
    }
    if (q.predicate.value === rdf('type') && q.object.termType === 'NamedNode') {
      const types = (node['@type'] ??= []) as string[];
      types.push(compactIri(q.object.value));
      continue;
    }
    const key = compactIri(q.predicate.value);
    const values = (node[key] ??= []) as JsonValue[];
    values.push(valueOf(q.object));
  }
  return { '@context': { ...PREFIXES }, '@graph': [...nodes.values()] };
}
