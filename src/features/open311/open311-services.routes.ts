import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import {
  categoriesAt,
  getCategory,
  listCategories,
  type AttributeDefinition,
  type Category,
} from '../reports/index.js';
import { findRegion } from '../region/index.js';
import { open311Fail } from './open311-errors.js';
import { sendDoc, splitFile, type Fields, type Format } from './open311-output.js';
import { numberParam, one, paramsOf } from './open311-params.js';
import { checkJurisdiction } from './open311.service.js';

// What can be reported: discovery, the list of services (all, or those offered at a point) and
// each service's definition (its extra questions).

const FORMATS: readonly Format[] = ['json', 'xml'];
const hidden = { schema: { hide: true } };
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

const serviceFields = (c: Category): Fields => [
  ['service_code', c.code],
  ['service_name', c.name],
  ['description', c.description || null],
  ['metadata', c.attributes.length > 0],
  ['type', 'realtime'],
  ['keywords', c.keywords.length > 0 ? c.keywords.join(',') : null],
  ['group', c.group || null],
];

const LISTS = new Set(['singlevaluelist', 'multivaluelist']);

function attributeFields(a: AttributeDefinition): Fields {
  const fields: Fields = [
    ['variable', a.variable],
    ['code', a.code],
    ['datatype', a.datatype],
    ['required', a.required],
    ['datatype_description', a.datatype_description || null],
    ['order', a.order],
    ['description', a.description || null],
  ];
  if (LISTS.has(a.datatype)) {
    const entries = (a.values ?? []).map((v): Fields => [
      ['key', v.key],
      ['name', v.name],
    ]);
    fields.push(['values', { element: 'values', item: 'value', entries }]);
  }
  return fields;
}

export function open311ServiceRoutes(scope: FastifyInstance, ctx: AppContext): void {
  const { baseUrl } = ctx.config;
  for (const format of FORMATS) {
    scope.get(`/discovery.${format}`, hidden, async (request, reply) => {
      await checkJurisdiction(ctx, one(paramsOf(request), 'jurisdiction_id'));
      const region = await findRegion(ctx);
      const changeset = region?.updated_at;
      const endpoint: Fields = [
        ['specification', SPECIFICATION],
        ['url', `${baseUrl}/open311/v2`],
        ['changeset', changeset ?? null],
        ['type', 'production'],
        [
          'formats',
          { element: 'formats', item: 'format', entries: ['text/xml', 'application/json'] },
        ],
      ];
      return sendDoc(reply, format, {
        root: 'discovery',
        fields: [
          ['changeset', changeset ?? null],
          ['contact', `${region?.name ?? 'Metrodata'}: see ${baseUrl}/`],
          ['key_service', `${baseUrl}/account/tokens (an API token with the "reports" scope)`],
          ['endpoints', { element: 'endpoints', item: 'endpoint', entries: [endpoint] }],
        ],
      });
    });

    scope.get(`/services.${format}`, hidden, async (request, reply) => {
      const params = paramsOf(request);
      await checkJurisdiction(ctx, one(params, 'jurisdiction_id'));
      const lat = numberParam(params, 'lat');
      const lon = numberParam(params, 'long');
      if ((lat === undefined) !== (lon === undefined)) {
        throw open311Fail(400, 'lat and long must be given together');
      }
      const categories =
        lat !== undefined && lon !== undefined
          ? (await categoriesAt(ctx, { lat, lon })).offers.map((o) => o.category)
          : await listCategories(ctx);
      return sendDoc(reply, format, {
        root: 'services',
        item: 'service',
        entries: categories.map(serviceFields),
      });
    });
  }

  scope.get('/services/:file', hidden, async (request, reply) => {
    const file = splitFile((request.params as { file: string }).file);
    if (!file) throw open311Fail(404, 'Ask for services/{service_code}.json or .xml');
    await checkJurisdiction(ctx, one(paramsOf(request), 'jurisdiction_id'));
    const category = await getCategory(ctx, file.name);
    const attributes = [...category.attributes].sort((a, b) => a.order - b.order);
    return sendDoc(reply, file.format, {
      root: 'service_definition',
      fields: [
        ['service_code', category.code],
        [
          'attributes',
          { element: 'attributes', item: 'attribute', entries: attributes.map(attributeFields) },
        ],
      ],
    });
  });
}
