import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { notFound } from '../../../../platform/errors.js';
import { getReport } from '../../report.service.js';

interface PhotoRoute {
  Params: { id: string; photo: string };
}

/**
 * A report's photo, as stored (a JPEG without metadata), for whoever may see the report: the
 * public sees the photos not hidden by a moderator; the body's staff see those too, never
 * cached by a shared cache.
 */
export function reportPhotoRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get<PhotoRoute>(
    '/reports/:id/photos/:photo',
    { schema: { hide: true } },
    async (request, reply) => {
      const photoId = /^(.+)\.jpg$/.exec(request.params.photo)?.[1];
      if (!photoId) throw notFound('This photo');
      // getReport answers 404 for a report this person may not see, and lists only the photos
      // they may see.
      const { report, photos } = await getReport(ctx, request.actor, request.params.id);
      const photo = photos.find((p) => p.id === photoId);
      if (!photo) throw notFound('This photo');
      const shared = report.state === 'confirmed' && photo.hidden === 0;
      return reply
        .type('image/jpeg')
        .header('content-length', String(photo.bytes))
        .header('cache-control', shared ? 'public, max-age=86400' : 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(await ctx.blobs.get(photo.blob_key));
    },
  );
}
