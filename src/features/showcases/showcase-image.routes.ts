import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { bearer } from '../../platform/http/operations.js';
import { SlugParams } from '../../platform/http/schemas.js';
import { writeErrors, type Api } from '../../platform/http/types.js';
import { readImagePart } from './image-upload.js';
import { setShowcaseImage } from './showcase-edit.service.js';
import { ShowcaseSchema } from './showcase.schemas.js';
import { readableShowcase } from './showcase.service.js';
import { imageUrl } from './showcase.view.js';

const ImageParams = Type.Object({
  slug: Type.String({ maxLength: 200 }),
  file: Type.String({ maxLength: 100 }),
});

export function showcaseImageRoutes(app: Api, ctx: AppContext): void {
  app.put(
    '/api/v1/showcases/:slug/image',
    {
      schema: {
        tags: ['showcases'],
        summary: "Set a showcase's image (multipart/form-data, one `image` part)",
        description:
          'JPEG, PNG or HEIC, at most 10 MB; kept as a JPEG of at most 1600 px without ' +
          "metadata. Its author or a site admin; the author's change to a showcase already " +
          'decided on sends it back to the moderation queue. Anything else is a 422.',
        params: SlugParams,
        body: {
          content: {
            'multipart/form-data': {
              schema: Type.Object({
                image: Type.Optional(Type.String({ contentEncoding: 'binary' })),
              }),
            },
          },
        },
        security: bearer,
        response: { 200: ShowcaseSchema, ...writeErrors },
      },
      // Multipart bodies are streamed by the handler, not parsed: validate an empty stand-in.
      preValidation: (request, _reply, done) => {
        if (request.isMultipart()) request.body = {};
        done();
      },
    },
    async (request) => {
      const upload = await readImagePart(request, 'image');
      return setShowcaseImage(ctx, request.actor, request.params.slug, upload);
    },
  );

  // The image as stored, for whoever may see the showcase. Its address changes with the image,
  // so a public one is cached for a year; a pending one never by a shared cache.
  app.get<{ Params: { slug: string; file: string } }>(
    '/showcases/:slug/images/:file',
    { schema: { hide: true, params: ImageParams } },
    async (request, reply) => {
      const showcase = await readableShowcase(ctx, request.actor, request.params.slug);
      const current = imageUrl(showcase);
      if (
        !showcase.image_key ||
        current !== `/showcases/${showcase.slug}/images/${request.params.file}`
      ) {
        throw notFound('This image');
      }
      const shared = showcase.status === 'approved';
      return reply
        .type('image/jpeg')
        .header('content-length', String(showcase.image_bytes ?? ''))
        .header(
          'cache-control',
          shared ? 'public, max-age=31536000, immutable' : 'private, no-store',
        )
        .header('x-content-type-options', 'nosniff')
        .send(await ctx.blobs.get(showcase.image_key));
    },
  );
}
