import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { bearer, operations } from '../../platform/http/operations.js';
import { IdParams, ListQuery, Page } from '../../platform/http/schemas.js';
import { errors, writeErrors, type Api } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { getLoad, reload, replaceData, resourceWithDatastore } from './datastore.service.js';
import {
  DatastoreResourceSchema,
  FeatureCollectionSchema,
  LoadSchema,
  QueryResultSchema,
  ReplacedSchema,
  VersionSchema,
} from './datastore.responses.js';
import { asFeatureCollection, checkGeojsonQuery } from './geojson-output.js';
import { parseQueryString, QueryString, withUrlNames } from './query-params.js';
import { QueryBody, type QueryInput } from './query.schemas.js';
import { queryResource } from './query.service.js';
import { pageFrom } from '../../platform/paging.js';

const Wait = Type.Object(
  { wait: Type.Optional(Type.Boolean({ description: 'Answer once the load has finished' })) },
  { additionalProperties: false },
);
const FormatQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Unsafe<'json' | 'geojson'>({ type: 'string', enum: ['json', 'geojson'] }),
    ),
  },
  { additionalProperties: false },
);

const queryResponses = {
  200: Type.Union([QueryResultSchema, FeatureCollectionSchema], {
    description: 'The rows (or groups); a GeoJSON FeatureCollection with format=geojson',
  }),
  // 409: the resource has no data yet; 503: the query ran out of time.
  ...errors(404, 409, 503),
};

const op = operations('datastore');

export function datastoreRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/resources/:id',
    op.read(DatastoreResourceSchema, {
      summary: 'A resource: its file, fields with types and stats, versions and latest load report',
      params: IdParams,
    }),
    (request) => resourceWithDatastore(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/v1/resources/:id/versions',
    op.read(Page(VersionSchema), {
      summary: 'The datastore versions of a resource, newest first',
      params: IdParams,
      querystring: ListQuery(),
    }),
    async (request) => {
      const resource = await resourceWithDatastore(ctx, request.actor, request.params.id);
      return pageFrom(resource.datastore.versions, request.query);
    },
  );

  const run = async (
    id: string,
    input: QueryInput,
    format: 'json' | 'geojson' | undefined,
    actor: Parameters<typeof queryResource>[1],
  ) => {
    if (format === 'geojson') checkGeojsonQuery(input);
    const result = await queryResource(ctx, actor, id, input);
    return format === 'geojson' ? asFeatureCollection(result) : result;
  };

  app.post(
    '/api/v1/resources/:id/query',
    {
      schema: {
        tags: ['datastore'],
        summary: 'Filter, sort, page (offset or cursor) or aggregate the rows of a resource',
        params: IdParams,
        querystring: FormatQuery,
        body: QueryBody,
        response: queryResponses,
      },
    },
    (request) => run(request.params.id, request.body, request.query.format, request.actor),
  );

  app.get(
    '/api/v1/resources/:id/query',
    {
      schema: {
        tags: ['datastore'],
        summary: 'The same query as URL parameters, for links and browsers',
        description:
          '`filter=field:op:value` (repeat; `in` values split by `|`; `filter=:within_bbox:minx,miny,maxx,maxy`), ' +
          '`sort=-field,field`, `fields=a,b`, `group_by=a,b:month`, `aggregate=fn:field:as` (repeat).',
        params: IdParams,
        querystring: QueryString,
        response: queryResponses,
      },
    },
    (request) =>
      withUrlNames(() =>
        run(
          request.params.id,
          parseQueryString(request.query),
          request.query.format,
          request.actor,
        ),
      ),
  );

  app.post(
    '/api/v1/resources/:id/loads',
    {
      schema: {
        tags: ['datastore'],
        summary: 'Load the file again, optionally choosing some fields’ types',
        params: IdParams,
        querystring: Wait,
        body: Type.Object(
          {
            types: Type.Optional(Type.Record(Type.String(), Type.String())),
            sheet: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        security: bearer,
        response: {
          201: LoadSchema,
          202: Type.Object(LoadSchema.properties, { description: 'Queued: poll the load' }),
          ...writeErrors,
        },
      },
    },
    async (request, reply) => {
      const load = await reload(
        ctx,
        request.actor,
        request.params.id,
        request.body,
        request.query.wait ?? false,
      );
      return reply.status(load.status === 'queued' ? 202 : 201).send(load);
    },
  );

  app.get(
    '/api/v1/resources/:id/loads/:load_id',
    op.read(LoadSchema, {
      summary: 'A load: its status and ingest report',
      params: Type.Object({
        id: Type.String({ format: 'uuid' }),
        load_id: Type.String({ format: 'uuid' }),
      }),
    }),
    (request) => getLoad(ctx, request.actor, request.params.id, request.params.load_id),
  );

  app.post(
    '/api/v1/resources/:id/data',
    op.create(ReplacedSchema, {
      summary: 'Replace the data: upload a new file (multipart `file`), loaded as the next version',
      params: IdParams,
      querystring: Wait,
    }),
    async (request, reply) => {
      const { file } = await readUpload(request, []);
      const result = await replaceData(
        ctx,
        request.actor,
        request.params.id,
        { fileName: file.filename, stream: file.file, truncated: () => file.file.truncated },
        request.query.wait ?? false,
      );
      return reply.status(201).send(result);
    },
  );
}
