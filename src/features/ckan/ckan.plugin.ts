import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { findAction } from './actions/index.js';
import { helpUrl, sendCkanError, success } from './ckan-envelope.js';

// The CKAN Action API (2.11): `/api/3/action/{name}` and `/api/action/{name}`, by GET with query
// parameters or POST with a JSON body, in CKAN's envelope, in a scope of its own so that every
// error here (a domain error, a bad JSON body, a refused token) answers in CKAN's shape too.

const PREFIXES = ['/api/3/action', '/api/action'];
const hidden = { schema: { hide: true } };

function paramsOf(request: FastifyRequest): Record<string, unknown> {
  const source = request.method === 'GET' ? request.query : request.body;
  return source && typeof source === 'object' && !Array.isArray(source)
    ? (source as Record<string, unknown>)
    : {};
}

export async function registerCkan(app: Api, ctx: AppContext): Promise<void> {
  const { baseUrl } = ctx.config;
  await app.register((scope, _options, done) => {
    scope.setErrorHandler((err: FastifyError, request, reply) =>
      sendCkanError(baseUrl, err, request, reply),
    );

    async function handle(request: FastifyRequest, reply: FastifyReply) {
      const name = (request.params as { name: string }).name;
      const action = findAction(name);
      // CKAN's own answer to an action it does not have: a 400 with only a message.
      if (!action) {
        return reply.status(400).send({
          help: helpUrl(baseUrl, name),
          success: false,
          error: { message: `Action name not known: ${name}` },
        });
      }
      if (action.post && request.method !== 'POST') {
        return reply.status(400).send({
          help: helpUrl(baseUrl, name),
          success: false,
          error: {
            __type: 'Bad request',
            message: `Bad request - Action ${name} changes data: send it by POST`,
          },
        });
      }
      const result = await action.run({
        ctx,
        actor: request.actor,
        params: paramsOf(request),
        request,
      });
      // What a caller may see depends on who they are: no shared cache keeps it.
      if (request.headers.authorization || request.headers['x-ckan-api-key']) {
        reply.header('cache-control', 'private, no-cache');
      }
      return success(baseUrl, name, result);
    }

    // CKAN answers its API's version at the root of each prefix.
    scope.get('/api/3', hidden, () => ({ version: 3 }));
    for (const prefix of PREFIXES) {
      scope.get(`${prefix}/:name`, hidden, handle);
      scope.post(`${prefix}/:name`, hidden, handle);
    }
    done();
  });
}
