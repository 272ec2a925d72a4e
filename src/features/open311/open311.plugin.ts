import type { FastifyError, FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { allRoutes, queueOpen311Poll } from '../reports/index.js';
import { open311Fail, sendOpen311Error } from './open311-errors.js';
import { open311RequestRoutes } from './open311-requests.routes.js';
import { open311ServiceRoutes } from './open311-services.routes.js';
import { open311UpdateRoutes } from './open311-updates.routes.js';

// Open311 GeoReport v2 at /open311/v2, in a scope of its own so that every error here (a domain
// error, a bad form, an unknown path) answers in GeoReport's error list, never /api/v1's shape.

export const OPEN311_PREFIX = '/open311/v2';

export function registerOpen311(app: FastifyInstance, ctx: AppContext): void {
  void app.register(
    (scope, _options, done) => {
      scope.setErrorHandler((err: FastifyError, request, reply) =>
        sendOpen311Error(err, request, reply),
      );
      scope.setNotFoundHandler((request, reply) =>
        sendOpen311Error(
          open311Fail(
            404,
            `No such Open311 resource: ${request.method} ${request.url.split('?')[0] ?? ''}`,
          ),
          request,
          reply,
        ),
      );
      open311ServiceRoutes(scope, ctx);
      open311RequestRoutes(scope, ctx);
      open311UpdateRoutes(scope, ctx);
      done();
    },
    { prefix: OPEN311_PREFIX },
  );
  // Updates of reports sent by Open311 are read back by a job that queues itself again. It
  // starts here when a body has an Open311 route (else at the first report sent by Open311);
  // its dedupe key makes this safe on every node.
  app.addHook('onReady', async () => {
    if ((await allRoutes(ctx)).some((r) => r.send_method === 'open311')) {
      await queueOpen311Poll(ctx);
    }
  });
}
