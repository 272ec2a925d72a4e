import type { AppContext } from '../../context.js';
import { bearer, noContent, operations } from '../../platform/http/operations.js';
import type { ApiToken } from '../../platform/db/schema.js';
import { IdParams, ListQuery, Page } from '../../platform/http/schemas.js';
import { errors, type Api } from '../../platform/http/types.js';
import { createOwnToken, listOwnTokens, revokeOwnToken } from './own-tokens.service.js';
import { CreatedTokenSchema, TokenCreateBody, TokenSchema } from './token.schemas.js';
import { pageFrom } from '../../platform/paging.js';

const op = operations('accounts');

const tokenView = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: JSON.parse(t.scopes) as string[],
  created_at: t.created_at,
  expires_at: t.expires_at,
  last_used_at: t.last_used_at,
  revoked_at: t.revoked_at,
});

/** The caller's own API tokens (an operator manages anyone's with `metrodata token`). */
export function tokenRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Your API tokens, newest first (never the secret)',
        querystring: ListQuery(),
        security: bearer,
        response: { 200: Page(TokenSchema), ...errors(403) },
      },
    },
    async (request) =>
      pageFrom((await listOwnTokens(ctx, request.actor)).map(tokenView), request.query),
  );

  app.post(
    '/api/v1/tokens',
    op.create(CreatedTokenSchema, {
      summary: 'Create an API token for yourself; its secret is in this answer only',
      body: TokenCreateBody,
    }),
    async (request, reply) => {
      const { name, scopes, expires_in_days } = request.body;
      const created = await createOwnToken(ctx, request.actor, {
        name,
        scopes,
        expiresInDays: expires_in_days,
      });
      return reply.status(201).send({ ...tokenView(created.record), token: created.token });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    op.remove({
      summary: 'Revoke one of your tokens; it stops working at once',
      params: IdParams,
    }),
    (request, reply) => noContent(reply, revokeOwnToken(ctx, request.actor, request.params.id)),
  );
}
