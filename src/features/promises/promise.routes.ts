import type { AppContext } from '../../context.js';
import { noContent, operations } from '../../platform/http/operations.js';
import { SlugParams } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
import { deletePromise } from './promise-delete.service.js';
import { changePromiseStatus } from './promise-status.service.js';
import { createPromise, patchPromise } from './promise-write.service.js';
import { PromiseDetail, PromiseList } from './promise.responses.js';
import {
  PromiseCreateBody,
  PromiseListQuery,
  PromisePatchBody,
  StatusChangeBody,
} from './promise.schemas.js';
import { getPromise, listPromises } from './promise.service.js';
import { pageFrom } from '../../platform/paging.js';

const op = operations('promises');

export function promiseRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/promises',
    op.list(PromiseList, {
      summary: "The mayor's promises: the term's day, counts by status and the promises",
      description: 'Repeat `status` or `theme` to match any of its values.',
      querystring: PromiseListQuery,
    }),
    async (request) => {
      const { page, per_page, ...filters } = request.query;
      const { results, ...rest } = await listPromises(ctx, request.actor, filters);
      return { ...rest, ...pageFrom(results, { page, per_page }) };
    },
  );

  app.post(
    '/api/v1/promises',
    op.create(PromiseDetail, {
      summary: 'Create a promise (status: not yet rated)',
      body: PromiseCreateBody,
    }),
    async (request, reply) => {
      const promise = await createPromise(ctx, request.actor, request.body);
      return reply.status(201).header('location', promise.api_url).send(promise);
    },
  );

  app.get(
    '/api/v1/promises/:slug',
    op.read(PromiseDetail, {
      summary: 'A promise with its status history and its indicators (series, forecast)',
      params: SlugParams,
    }),
    (request) => getPromise(ctx, request.actor, request.params.slug),
  );

  app.patch(
    '/api/v1/promises/:slug',
    op.update(PromiseDetail, {
      summary: 'Change some fields of a promise (not its status: see /status)',
      params: SlugParams,
      body: PromisePatchBody,
    }),
    (request) => patchPromise(ctx, request.actor, request.params.slug, request.body),
  );

  app.post(
    '/api/v1/promises/:slug/status',
    op.create(PromiseDetail, {
      summary: "Record a change of a promise's status, with rationale and evidence",
      params: SlugParams,
      body: StatusChangeBody,
    }),
    async (request, reply) => {
      const promise = await changePromiseStatus(
        ctx,
        request.actor,
        request.params.slug,
        request.body,
      );
      return reply.status(201).send(promise);
    },
  );

  app.delete(
    '/api/v1/promises/:slug',
    op.remove({
      summary: 'Delete a promise and its history (one recorded by mistake)',
      description: 'Its indicators stay, measuring no promise; the activity log keeps a record.',
      params: SlugParams,
    }),
    (request, reply) => noContent(reply, deletePromise(ctx, request.actor, request.params.slug)),
  );
}
