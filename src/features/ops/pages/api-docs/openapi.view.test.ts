import { describe, expect, it } from 'vitest';
import { xml } from '../../../../platform/views/xml.js';
import { apiDocsView, schemaLabel } from './openapi.view.js';

describe('schemaLabel', () => {
  it('names references, arrays, literal unions and nullable values', () => {
    expect(schemaLabel({ $ref: '#/components/schemas/DatasetSummary' })).toBe('DatasetSummary');
    expect(schemaLabel({ type: 'array', items: { $ref: 'Resource' } })).toBe('array of Resource');
    expect(schemaLabel({ anyOf: [{ const: 'a' }, { const: 'b' }] })).toBe('one of a, b');
    expect(schemaLabel({ anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] })).toBe(
      'string (date) or null',
    );
  });
});

describe('apiDocsView', () => {
  it('groups operations by tag with their parameters, body and responses', () => {
    const view = apiDocsView({
      paths: {
        '/api/v1/things/{id}': {
          get: {
            tags: ['things'],
            summary: 'A thing',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: 'Thing' } } } },
            },
          },
          patch: {
            tags: ['things'],
            security: [{ bearerAuth: [] }],
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['name'],
                    properties: { name: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    });
    const [group] = view.groups;
    expect(group?.title).toBe('Things');
    expect(group?.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /api/v1/things/{id}',
      'PATCH /api/v1/things/{id}',
    ]);
    expect(group?.operations[0]?.parameters[0]).toMatchObject({ name: 'id', required: true });
    expect(group?.operations[0]?.responses).toEqual([
      { status: '200', description: '', schema: 'Thing' },
    ]);
    expect(group?.operations[1]?.auth).toBe(true);
    expect(group?.operations[1]?.body?.fields).toEqual([
      { name: 'name', type: 'string', required: true, description: '' },
    ]);
  });
});

describe('xml', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xml(`<a href="x">Tom's & co\u0001</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom&apos;s &amp; co&lt;/a&gt;',
    );
  });
});
