import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import {
  extendedOpen311Status,
  listPublicUpdates,
  type PublicReportUpdate,
} from '../reports/index.js';
import { sendDoc, type Fields, type Format } from './open311-output.js';
import { dateParam, dateWindow, one, paramsOf, required } from './open311-params.js';
import { actorForApiKey, checkJurisdiction, receiveUpdate } from './open311.service.js';

// mySociety's extension: the updates of service requests in a window (what a FixMyStreet-style
// client polls), and updates pushed by a body's own system into ours.

const FORMATS: readonly Format[] = ['json', 'xml'];
const hidden = { schema: { hide: true } };
const MAX_UPDATES = 1000;

const updateFields = (u: PublicReportUpdate): Fields => [
  ['update_id', u.id],
  ['service_request_id', u.reportId],
  ['status', extendedOpen311Status(u.status)],
  ['updated_datetime', u.at],
  ['description', u.text],
  ['media_url', u.mediaUrl],
];

const updatesDoc = (updates: PublicReportUpdate[]) => ({
  root: 'service_request_updates',
  item: 'request_update',
  entries: updates.map(updateFields),
});

export function open311UpdateRoutes(scope: FastifyInstance, ctx: AppContext): void {
  for (const format of FORMATS) {
    scope.get(`/servicerequestupdates.${format}`, hidden, async (request, reply) => {
      const params = paramsOf(request);
      await checkJurisdiction(ctx, one(params, 'jurisdiction_id'));
      const updates = await listPublicUpdates(ctx, { ...dateWindow(params), limit: MAX_UPDATES });
      return sendDoc(reply, format, updatesDoc(updates));
    });

    scope.post(`/servicerequestupdates.${format}`, hidden, async (request, reply) => {
      const params = paramsOf(request);
      await checkJurisdiction(ctx, one(params, 'jurisdiction_id'));
      const actor = await actorForApiKey(ctx, one(params, 'api_key'));
      const update = await receiveUpdate(ctx, actor, {
        serviceRequestId: required(params, 'service_request_id'),
        updateId: required(params, 'update_id'),
        status: one(params, 'status'),
        description: one(params, 'description'),
        updatedAt: dateParam(params, 'updated_datetime')?.toISOString(),
      });
      return sendDoc(reply, format, updatesDoc([update]));
    });
  }
}
