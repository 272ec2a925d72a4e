import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import type { OpenApiDocument } from '../helpers/contract.js';

// The API's one contract (docs/api.md), checked on the published document itself. The responses
// themselves are checked against this document by every integration test (helpers/contract.ts).

interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  content?: Record<string, { schema?: Schema }>;
}
interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Every property name anywhere in a schema, with where it is. */
function propertyNames(schema: Schema | undefined, at: string, out: string[] = []): string[] {
  if (!schema || typeof schema !== 'object') return out;
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    out.push(`${at}.${name}`);
    propertyNames(sub, `${at}.${name}`, out);
  }
  propertyNames(schema.items, `${at}[]`, out);
  for (const list of [schema.anyOf, schema.oneOf, schema.allOf]) {
    for (const s of list ?? []) propertyNames(s, at, out);
  }
  return out;
}

let t: TestApp;
let doc: OpenApiDocument & { components: { schemas: Record<string, Schema> } };
const operations: { where: string; op: Operation }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ url: '/api/v1/openapi.json' });
  doc = res.json();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, Operation>)) {
      operations.push({ where: `${method.toUpperCase()} ${path}`, op });
    }
  }
});
afterAll(() => t.close());

/** The schema of a response, following a $ref into the components. */
function resolve(schema: Schema | undefined): Schema | undefined {
  const ref = schema?.$ref?.replace('#/components/schemas/', '');
  return ref ? doc.components.schemas[ref] : schema;
}

describe('the OpenAPI document', () => {
  it('describes the JSON API only, not pages, feeds or probes', () => {
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThan(25);
    expect(paths.filter((p) => !p.startsWith('/api/v1'))).toEqual([]);
  });

  it('names every field in snake_case: requests, responses and parameters', () => {
    const names: string[] = [];
    for (const { where, op } of operations) {
      for (const p of op.parameters ?? []) names.push(`${where} ${p.in}.${p.name}`);
      for (const c of Object.values(op.requestBody?.content ?? {})) {
        propertyNames(c.schema, `${where} body`, names);
      }
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        for (const c of Object.values(r.content ?? {})) {
          propertyNames(c.schema, `${where} ${status}`, names);
        }
      }
    }
    for (const [name, s] of Object.entries(doc.components.schemas)) {
      propertyNames(s, `#${name}`, names);
    }
    const camel = names.filter((n) => !SNAKE.test(n.split(/[ .]/).at(-1) ?? ''));
    expect(camel).toEqual([]);
  });

  it('gives every operation a success response with a schema', () => {
    const missing = operations.filter(({ op }) => {
      const ok = Object.entries(op.responses ?? {}).filter(([s]) => s.startsWith('2'));
      return !ok.some(
        ([s, r]) => s === '204' || Object.values(r.content ?? {}).some((c) => c.schema),
      );
    });
    expect(missing.map((m) => m.where)).toEqual([]);
  });

  it('documents the one error shape for 400, 401 and 500 on every operation', () => {
    expect(doc.components.schemas.Error).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
        },
      },
    });
    const lacking = operations.filter(({ op }) =>
      ['400', '401', '500'].some(
        (s) =>
          op.responses?.[s]?.content?.['application/json']?.schema?.$ref !==
          '#/components/schemas/Error',
      ),
    );
    expect(lacking.map((l) => l.where)).toEqual([]);
  });

  it('pages every list with page and per_page, answering total, page, per_page and results', () => {
    const lists = operations.filter(({ op }) => {
      const schema = resolve(op.responses?.['200']?.content?.['application/json']?.schema);
      return schema?.properties?.results !== undefined;
    });
    expect(lists.length).toBeGreaterThanOrEqual(12);
    const unpaged = lists.filter(({ op }) => {
      const query = new Set(
        (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      );
      const props = resolve(
        op.responses?.['200']?.content?.['application/json']?.schema,
      )?.properties;
      return (
        !query.has('page') ||
        !query.has('per_page') ||
        !['total', 'page', 'per_page'].every((k) => props?.[k] !== undefined)
      );
    });
    expect(unpaged.map((u) => u.where)).toEqual([]);
  });
});

describe('requests', () => {
  it('refuse a query parameter the operation does not take, naming it', async () => {
    for (const url of [
      '/api/v1/datasets/bus-stops?expand=all',
      '/api/v1/region?lang=cy',
      '/api/v1/promises/some-promise?format=xml',
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message, url).toMatch(
        /is not a known parameter/,
      );
    }
  });
});

describe('paging a list', () => {
  it('refuses a page or per_page out of range with a 400 that names the parameter', async () => {
    for (const url of [
      '/api/v1/themes?page=0',
      '/api/v1/organisations?per_page=1001',
      '/api/v1/promises?per_page=0',
      '/api/v1/indicators?page=x',
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      const name = url.includes('per_page') ? 'per_page' : 'page';
      const body = res.json<{ error: { details: { field: string }[] } }>();
      expect(body.error.details[0]?.field, url).toBe(name);
    }
  });

  it('answers the page asked for, with the total of them all', async () => {
    interface Listed {
      total: number;
      results: unknown[];
    }
    const all = (await t.app.inject({ url: '/api/v1/licences?per_page=1000' })).json<Listed>();
    const second = (
      await t.app.inject({ url: '/api/v1/licences?page=2&per_page=2' })
    ).json<Listed>();
    expect(second).toMatchObject({ total: all.total, page: 2, per_page: 2 });
    expect(second.results).toEqual(all.results.slice(2, 4));
  });
});
