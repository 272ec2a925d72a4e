import type { AppContext } from '../../context.js';
import { operations } from '../../platform/http/operations.js';
import { IdParams } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
import {
  Comment,
  Moderation,
  RequestDetail,
  RequestList,
  SupportResult,
} from './data-request.responses.js';
import {
  AssignBody,
  CommentBody,
  ModerationBody,
  RequestCommentParams,
  RequestCreateBody,
  RequestListQuery,
  StatusChangeBody,
} from './data-request.schemas.js';
import {
  createRequest,
  getRequest,
  listRequests,
  reassignRequest,
} from './data-request.service.js';
import { changeRequestStatus } from './request-answer.service.js';
import { commentOnRequest, moderateComment, supportRequest } from './request-voice.service.js';

const op = operations('data-requests');

export function dataRequestRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/data-requests',
    op.list(RequestList, {
      summary: 'Requests for datasets, newest first',
      description: 'Repeat `status` to match any of its values; `q` searches title and purpose.',
      querystring: RequestListQuery,
    }),
    (request) => listRequests(ctx, request.query),
  );

  app.post(
    '/api/v1/data-requests',
    op.create(RequestDetail, {
      summary: 'Ask a body for a dataset (a signed-in resident or business: `reports` scope)',
      body: RequestCreateBody,
    }),
    async (request, reply) => {
      const created = await createRequest(ctx, request.actor, request.body);
      return reply.status(201).header('location', created.api_url).send(created);
    },
  );

  app.get(
    '/api/v1/data-requests/:id',
    op.read(RequestDetail, {
      summary: 'A request with its status history and comments',
      params: IdParams,
    }),
    (request) => getRequest(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/v1/data-requests/:id/status',
    op.create(RequestDetail, {
      summary: "The assigned body's answer: a status with a public reason",
      params: IdParams,
      body: StatusChangeBody,
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await changeRequestStatus(ctx, request.actor, request.params.id, request.body)),
  );

  app.put(
    '/api/v1/data-requests/:id/organisation',
    op.update(RequestDetail, {
      summary: 'Assign the request to another body (site administrators)',
      params: IdParams,
      body: AssignBody,
    }),
    (request) => reassignRequest(ctx, request.actor, request.params.id, request.body.organisation),
  );

  app.post(
    '/api/v1/data-requests/:id/supporters',
    op.create(SupportResult, {
      summary: '"I need this too": counts once per person',
      params: IdParams,
    }),
    async (request, reply) =>
      reply.status(201).send(await supportRequest(ctx, request.actor, request.params.id)),
  );

  app.post(
    '/api/v1/data-requests/:id/comments',
    op.create(Comment, { summary: 'Comment on a request', params: IdParams, body: CommentBody }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await commentOnRequest(ctx, request.actor, request.params.id, request.body.body)),
  );

  app.post(
    '/api/v1/data-requests/:id/comments/:comment_id/moderation',
    op.create(Moderation, {
      summary: "Hide a comment or show it again, with a reason (the body's admins and editors)",
      params: RequestCommentParams,
      body: ModerationBody,
    }),
    async (request, reply) => {
      const { id, comment_id: commentId } = request.params;
      const m = await moderateComment(ctx, request.actor, id, commentId, request.body);
      return reply.status(201).send(m);
    },
  );
}
