import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { unauthorized } from '../../platform/http/errors.js';
import { anonymous, type Actor } from './actor.js';
import { authenticateToken } from './token.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Sets `request.actor` from `Authorization: Bearer <token>`; a bad token is a 401, never ignored. */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  // null until the onRequest hook below runs (Fastify forbids object defaults on requests).
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.actor = anonymous;
    const header = request.headers.authorization;
    if (header === undefined) return;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw unauthorized('Send the API token as "Authorization: Bearer <token>"', 'invalid_token');
    }
    request.actor = await authenticateToken(ctx, match[1]);
  });
}
