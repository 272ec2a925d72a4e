import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import {
  getServiceRequest,
  listServiceRequests,
  open311Status,
  type PublicServiceRequest,
} from '../reports/index.js';
import { open311Fail } from './open311-errors.js';
import { sendDoc, splitFile, type Fields, type Format } from './open311-output.js';
import {
  attributesOf,
  dateWindow,
  listParam,
  numberParam,
  one,
  paramsOf,
  required,
  type Params,
} from './open311-params.js';
import { actorForApiKey, checkJurisdiction, submitServiceRequest } from './open311.service.js';

// Service requests: POST one (a client's report), GET them (public reports only, by ids or by
// service, dates and status), one by id, and a token (we answer with the id at once, so a token
// is the id).

const FORMATS: readonly Format[] = ['json', 'xml'];
const hidden = { schema: { hide: true } };
/** The most requests in one answer (the specification's default). */
const MAX_REQUESTS = 1000;
const MAX_IDS = 200;

/** GeoReport's schema caps a description (ours may be longer: the rest is on the report's page). */
const MAX_DESCRIPTION = 4000;

export const requestFields = (r: PublicServiceRequest): Fields => [
  ['service_request_id', r.id],
  ['status', open311Status(r.status)],
  ['status_notes', r.statusNotes],
  ['service_name', r.categoryName],
  ['service_code', r.categoryCode],
  ['description', r.description.slice(0, MAX_DESCRIPTION)],
  ['agency_responsible', r.agency],
  ['service_notice', null],
  ['requested_datetime', r.requestedAt],
  ['updated_datetime', r.updatedAt],
  ['expected_datetime', null],
  ['address', r.address],
  ['address_id', null],
  ['zipcode', null],
  ['lat', r.lat],
  ['long', r.lon],
  ['media_url', r.mediaUrl],
];

const requestsDoc = (entries: PublicServiceRequest[]) => ({
  root: 'service_requests',
  item: 'request',
  entries: entries.map(requestFields),
});

function statusesOf(params: Params): ('open' | 'closed')[] | undefined {
  const given = listParam(params, 'status');
  if (!given) return undefined;
  const bad = given.filter((s) => s !== 'open' && s !== 'closed');
  if (bad.length > 0) throw open311Fail(400, `status must be open or closed, not ${bad[0] ?? ''}`);
  return given as ('open' | 'closed')[];
}

async function oneRequest(ctx: AppContext, request: FastifyRequest) {
  const file = splitFile((request.params as { file: string }).file);
  if (!file) throw open311Fail(404, 'Ask for {service_request_id}.json or .xml');
  await checkJurisdiction(ctx, one(paramsOf(request), 'jurisdiction_id'));
  return { file, found: await getServiceRequest(ctx, file.name) };
}

export function open311RequestRoutes(scope: FastifyInstance, ctx: AppContext): void {
  for (const format of FORMATS) {
    scope.post(`/requests.${format}`, hidden, async (request, reply) => {
      const params = paramsOf(request);
      await checkJurisdiction(ctx, one(params, 'jurisdiction_id'));
      const actor = await actorForApiKey(ctx, one(params, 'api_key'));
      const created = await submitServiceRequest(ctx, actor, {
        serviceCode: required(params, 'service_code'),
        lat: numberParam(params, 'lat'),
        lon: numberParam(params, 'long'),
        addressString: one(params, 'address_string'),
        attributes: attributesOf(params),
        email: one(params, 'email'),
        firstName: one(params, 'first_name'),
        lastName: one(params, 'last_name'),
        phone: one(params, 'phone'),
        description: one(params, 'description'),
        mediaUrl: one(params, 'media_url'),
        clientAddress: request.ip,
      });
      return sendDoc(reply, format, {
        root: 'service_requests',
        item: 'request',
        entries: [
          [
            ['service_request_id', created.id],
            ['service_notice', `${created.agency} is responsible for this report`],
            ['account_id', null],
          ],
        ],
      });
    });

    scope.get(`/requests.${format}`, hidden, async (request, reply) => {
      const params = paramsOf(request);
      await checkJurisdiction(ctx, one(params, 'jurisdiction_id'));
      const ids = listParam(params, 'service_request_id');
      if (ids && ids.length > MAX_IDS) {
        throw open311Fail(400, `service_request_id may list at most ${MAX_IDS} ids`);
      }
      const found = ids
        ? await listServiceRequests(ctx, { ids, limit: MAX_IDS })
        : await listServiceRequests(ctx, {
            categoryCode: one(params, 'service_code'),
            ...dateWindow(params),
            open311Status: statusesOf(params),
            limit: MAX_REQUESTS,
          });
      return sendDoc(reply, format, requestsDoc(found));
    });
  }

  // The specification's path, and the one the official Swagger description names.
  for (const path of ['/requests/:file', '/request/:file']) {
    scope.get(path, hidden, async (request, reply) => {
      const { file, found } = await oneRequest(ctx, request);
      return sendDoc(reply, file.format, requestsDoc([found]));
    });
  }

  scope.get('/tokens/:file', hidden, async (request, reply) => {
    const { file, found } = await oneRequest(ctx, request);
    return sendDoc(reply, file.format, {
      root: 'service_requests',
      item: 'request',
      entries: [
        [
          ['service_request_id', found.id],
          ['token', file.name],
        ],
      ],
    });
  });
}
