import type { FastifyReply } from 'fastify';
import { xml } from '../../platform/views/xml.js';

// One description of an answer, written as GeoReport v2 JSON or XML: the same fields in the
// same order either way. JSON drops the XML root (a list is an array); XML wraps every item
// and every nested list in the element names the specification gives.

export type Format = 'json' | 'xml';
export type Scalar = string | number | boolean | null;
/** A nested list: `<values><value>…</value></values>` in XML, an array in JSON. */
export interface Nested {
  element: string;
  item: string;
  entries: (Fields | Scalar)[];
}
export type Fields = [string, Scalar | Nested][];

export type Open311Doc =
  { root: string; item: string; entries: Fields[] } | { root: string; fields: Fields };

const isNested = (v: Scalar | Nested | Fields): v is Nested =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fieldsToJson(fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of fields) out[key] = isNested(value) ? nestedToJson(value) : value;
  return out;
}

function nestedToJson(nested: Nested): unknown[] {
  return nested.entries.map((e) => (Array.isArray(e) ? fieldsToJson(e) : e));
}

export function toJson(doc: Open311Doc): unknown {
  return 'fields' in doc ? fieldsToJson(doc.fields) : doc.entries.map(fieldsToJson);
}

const scalarXml = (v: Scalar) => (v === null ? '' : xml(String(v)));

function element(name: string, inner: string): string {
  return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

function fieldsXml(fields: Fields): string {
  return fields
    .map(([key, value]) => element(key, isNested(value) ? nestedXml(value) : scalarXml(value)))
    .join('');
}

function nestedXml(nested: Nested): string {
  return nested.entries
    .map((e) => element(nested.item, Array.isArray(e) ? fieldsXml(e) : scalarXml(e)))
    .join('');
}

export function toXml(doc: Open311Doc): string {
  const inner =
    'fields' in doc
      ? fieldsXml(doc.fields)
      : doc.entries.map((e) => element(doc.item, fieldsXml(e))).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(doc.root, inner)}\n`;
}

/** Sends the answer in the format the URL asked for. */
export function sendDoc(reply: FastifyReply, format: Format, doc: Open311Doc, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(doc));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(toJson(doc)));
}

/** `services/potholes.xml` → {name: 'potholes', format: 'xml'}; null for another extension. */
export function splitFile(file: string): { name: string; format: Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match?.[1] && match[2] ? { name: match[1], format: match[2] as Format } : null;
}

/** The format of a request's URL (errors answer in it; JSON when it names none). */
export const formatOfUrl = (url: string): Format =>
  /\.xml(?:\?|$)/.test(url.split('#')[0] ?? '') ? 'xml' : 'json';
