import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { bearer, operations } from '../../platform/http/operations.js';
import { DateTime, IdParams, ListQuery, Nullable, Page } from '../../platform/http/schemas.js';
import { errors, type Api } from '../../platform/http/types.js';
import { pageFrom } from '../../platform/paging.js';
import { jobKinds, listParkedJobs, retryJob } from './jobs-admin.service.js';

const KindSchema = Type.Object(
  {
    kind: Type.String({ description: 'e.g. datastore.load, report.send, harvest.run' }),
    queued: Type.Integer({
      minimum: 0,
      description: 'Waiting (due now, or later after a failure)',
    }),
    running: Type.Integer({ minimum: 0 }),
    parked: Type.Integer({ minimum: 0, description: 'Given up on until an administrator retries' }),
    oldest_queued_age_seconds: Type.Integer({
      minimum: 0,
      description: 'How long the oldest due queued job has waited to be claimed (0: none due)',
    }),
  },
  { description: 'The jobs of one kind' },
);

const ParkedSchema = Type.Object({
  id: Type.String({
    description: 'The job (POST /api/v1/jobs/{id}/retry); a load’s is the load’s id',
  }),
  kind: Type.String(),
  attempts: Type.Integer({ minimum: 0 }),
  max_attempts: Type.Integer({ minimum: 1 }),
  last_error: Nullable(Type.String()),
  created_at: DateTime,
  parked_at: DateTime,
});

const Retried = Type.Object({
  id: Type.String(),
  state: Type.Literal('queued', { description: 'Back in the queue, due now' }),
});

const op = operations('jobs');
const admins = { security: bearer, response: { ...errors(403) } };

/** The background job queue, for site administrators. */
export function jobsRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'The job queue by kind: queued, running, parked, oldest wait (site admins)',
        querystring: ListQuery(),
        ...admins,
        response: { 200: Page(KindSchema), ...admins.response },
      },
    },
    async (request) => pageFrom(await jobKinds(ctx, request.actor), request.query),
  );

  app.get(
    '/api/v1/jobs/parked',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Jobs given up on, with their last error, newest first (site admins)',
        querystring: ListQuery(),
        ...admins,
        response: { 200: Page(ParkedSchema), ...admins.response },
      },
    },
    async (request) => pageFrom(await listParkedJobs(ctx, request.actor), request.query),
  );

  app.post(
    '/api/v1/jobs/:id/retry',
    op.update(Retried, {
      summary: 'Put a parked job back in the queue, due now, attempts from zero (site admins)',
      params: IdParams,
    }),
    async (request) => {
      await retryJob(ctx, request.actor, request.params.id);
      return { id: request.params.id, state: 'queued' as const };
    },
  );
}
