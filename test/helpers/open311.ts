import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { load } from 'cheerio';
import { isTag, type AnyNode, type Element } from 'domhandler';

// Open311 GeoReport v2 in tests: the official JSON Schemas and Swagger description (read from
// ../shared/conformance, never copied here), XML read back into the JSON's shape, and forms.

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const OPEN311_DIR = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'conformance',
  'open311-georeport-v2',
);
export const haveOpen311 = existsSync(OPEN311_DIR);
if (!haveOpen311) {
  console.warn(`Open311 schemas not found at ${OPEN311_DIR}: conformance tests skipped`);
}

export const readOpen311 = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(OPEN311_DIR, file), 'utf8')) as Record<string, unknown>;

export type Open311Schema = 'services' | 'service-definition' | 'requests' | 'request';

/** A validator per official schema; each returns Ajv's errors as text, empty if valid. */
export function open311Validators(): Record<Open311Schema, (value: unknown) => string[]> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const name of ['service', 'request'])
    ajv.addSchema(readOpen311(`${name}.json`), `${name}.json`);
  const make = (name: Open311Schema) => {
    // The list schemas refer to their items as "request.json"/"service.json", added above.
    const validate =
      name === 'request'
        ? ajv.getSchema('request.json')
        : ajv.compile({ ...readOpen311(`${name}.json`), $id: `${name}.json` });
    if (!validate) throw new Error(`The Open311 schema ${name} did not compile`);
    return (value: unknown) =>
      validate(value)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
  return {
    services: make('services'),
    'service-definition': make('service-definition'),
    requests: make('requests'),
    request: make('request'),
  };
}

/** XML's text for a JSON value: null is an empty element, booleans and numbers as written. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function elementChildren(el: Element): Element[] {
  return el.children.filter((c: AnyNode): c is Element => isTag(c));
}

/** An element as JSON would say it: fields (in order) when it has child elements, else text. */
function readElement(el: Element, $: ReturnType<typeof load>): unknown {
  const kids = elementChildren(el);
  if (kids.length === 0) return $(el).text();
  return kids.map((k) => [k.tagName, readElement(k, $)] as const);
}

/** The JSON answer reshaped as XML reads back: [name, text | [name, …][]] in order. */
function jsonAsXml(value: unknown, listItem?: string): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => [listItem ?? '?', jsonAsXml(v)] as const);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => {
      // An empty list is an empty element, as XML cannot tell it from empty text.
      if (Array.isArray(v) && v.length === 0) return [k, ''] as const;
      if (Array.isArray(v)) return [k, v.map((item) => [itemName(k), jsonAsXml(item)] as const)];
      return [k, jsonAsXml(v)] as const;
    });
  }
  return asText(value);
}

/** GeoReport's element for an item of a nested list: `values` → `value`, `attributes` → `attribute`. */
const itemName = (list: string) => list.replace(/s$/, '');

/**
 * The XML document's root name and its content, with the JSON answer written the same way, so
 * a test compares them field for field, in order. `item` names a list root's items.
 */
export function xmlAndJson(
  xml: string,
  json: unknown,
  item?: string,
): { root: string; xml: unknown; json: unknown } {
  const $ = load(xml, { xml: true });
  const root = $.root().children().get(0);
  if (!root || !isTag(root)) throw new Error('no XML root element');
  const content = elementChildren(root).length === 0 ? [] : readElement(root, $);
  return { root: root.tagName, xml: content, json: jsonAsXml(json, item) };
}

/** An x-www-form-urlencoded body from pairs (repeated keys kept). */
export const form = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
