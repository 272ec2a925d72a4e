import type { Quad, Term } from 'n3';
import { PREFIXES, xsd } from './vocabularies.js';

// RDF/XML has no maintained writer on npm, so this is a small one: one rdf:Description per
// subject, objects as rdf:resource / rdf:nodeID attributes or as text with xml:lang or
// rdf:datatype. Nothing is abbreviated (no typed nodes, no nesting), which keeps it correct.

// XML 1.0 cannot carry these at all, even escaped: they become U+FFFD.
const NOT_XML = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]',
    // A surrogate without its other half.
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
  'g',
);

export function escapeText(s: string): string {
  return s
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;');
}

export function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#xA;').replace(/\t/g, '&#x9;');
}

// The longest ending of an IRI that is an XML name (ASCII letters, digits, _ . -), a property's
// local name; what comes before it is its namespace.
const LOCAL_NAME = /[A-Za-z_][\w.-]*$/;

/** Splits a property IRI into namespace and local name, or throws: RDF/XML cannot say it. */
export function splitProperty(iri: string): [string, string] {
  const local = LOCAL_NAME.exec(iri)?.[0];
  if (!local) throw new Error(`The property ${iri} cannot be written in RDF/XML`);
  return [iri.slice(0, iri.length - local.length), local];
}

/** A blank node's label as an XML name (rdf:nodeID's type). */
const nodeId = (label: string) => `b${label.replace(/[^\w.-]/g, '_')}`;

function subjectAttribute(term: Term): string {
  return term.termType === 'BlankNode'
    ? `rdf:nodeID="${nodeId(term.value)}"`
    : `rdf:about="${escapeAttribute(term.value)}"`;
}

function propertyElement(name: string, object: Term): string {
  if (object.termType === 'NamedNode') {
    return `<${name} rdf:resource="${escapeAttribute(object.value)}"/>`;
  }
  if (object.termType === 'BlankNode') return `<${name} rdf:nodeID="${nodeId(object.value)}"/>`;
  if (object.termType !== 'Literal') throw new Error(`Cannot write a ${object.termType}`);
  const attribute = object.language
    ? ` xml:lang="${escapeAttribute(object.language)}"`
    : object.datatype.value === xsd('string')
      ? ''
      : ` rdf:datatype="${escapeAttribute(object.datatype.value)}"`;
  return `<${name}${attribute}>${escapeText(object.value)}</${name}>`;
}

/** The quads (default graph) as an RDF/XML document. */
export function toRdfXml(quads: readonly Quad[]): string {
  const prefixOf = new Map<string, string>(
    Object.entries(PREFIXES).map(([prefix, namespace]) => [namespace, prefix]),
  );
  const qname = (iri: string): string => {
    const [namespace, local] = splitProperty(iri);
    let prefix = prefixOf.get(namespace);
    if (!prefix) {
      prefix = `ns${prefixOf.size}`;
      prefixOf.set(namespace, prefix);
    }
    return `${prefix}:${local}`;
  };
  const bySubject = new Map<string, { subject: Term; lines: string[] }>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    let entry = bySubject.get(key);
    if (!entry) {
      entry = { subject: q.subject, lines: [] };
      bySubject.set(key, entry);
    }
    entry.lines.push(`    ${propertyElement(qname(q.predicate.value), q.object)}`);
  }
  const namespaces = [...prefixOf]
    .map(([namespace, prefix]) => `\n    xmlns:${prefix}="${escapeAttribute(namespace)}"`)
    .join('');
  const out = [`<?xml version="1.0" encoding="utf-8"?>`, `<rdf:RDF${namespaces}>`];
  for (const { subject, lines } of bySubject.values()) {
    out.push(`  <rdf:Description ${subjectAttribute(subject)}>`, ...lines, '  </rdf:Description>');
  }
  out.push('</rdf:RDF>', '');
  return out.join('\n');
}
