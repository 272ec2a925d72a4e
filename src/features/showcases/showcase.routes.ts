import type { AppContext } from '../../context.js';
import { noContent, operations } from '../../platform/http/operations.js';
import { Page, SlugParams } from '../../platform/http/schemas.js';
import type { Api } from '../../platform/http/types.js';
import { approveShowcase, deleteShowcase, rejectShowcase } from './showcase-moderation.service.js';
import { editShowcase } from './showcase-edit.service.js';
import { submitShowcase } from './showcase-submit.service.js';
import {
  RejectBody,
  ShowcaseCreateBody,
  ShowcaseListQuery,
  ShowcasePatchBody,
  ShowcaseSchema,
} from './showcase.schemas.js';
import { getShowcase, listShowcases } from './showcase.service.js';

const op = operations('showcases');

export function showcaseRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/showcases',
    op.list(Page(ShowcaseSchema), {
      summary: 'Showcases: apps, stories, visualisations and research built on the data',
      description:
        'Approved ones, newest first. `status=pending` or `rejected` lists your own (all of ' +
        'them for a site admin).',
      querystring: ShowcaseListQuery,
    }),
    (request) => listShowcases(ctx, request.actor, request.query),
  );

  app.post(
    '/api/v1/showcases',
    op.create(ShowcaseSchema, {
      summary: 'Submit a showcase (pending until a site admin approves it)',
      description: 'Add its image with PUT /api/v1/showcases/{slug}/image.',
      body: ShowcaseCreateBody,
    }),
    async (request, reply) => {
      const showcase = await submitShowcase(ctx, request.actor, request.body);
      return reply.status(201).header('location', showcase.api_url).send(showcase);
    },
  );

  app.get(
    '/api/v1/showcases/:slug',
    op.read(ShowcaseSchema, {
      summary: 'A showcase with the datasets it uses',
      description: 'A pending or rejected one only for its author and site admins (404 to others).',
      params: SlugParams,
    }),
    (request) => getShowcase(ctx, request.actor, request.params.slug),
  );

  app.patch(
    '/api/v1/showcases/:slug',
    op.update(ShowcaseSchema, {
      summary: 'Change a showcase (its author or a site admin)',
      description:
        'An author changing a published or rejected showcase sends it back to the moderation ' +
        'queue (pending) until a site admin approves it again; a site admin’s change keeps ' +
        'its status. Replace the image with PUT /api/v1/showcases/{slug}/image.',
      params: SlugParams,
      body: ShowcasePatchBody,
    }),
    (request) => editShowcase(ctx, request.actor, request.params.slug, request.body),
  );

  app.post(
    '/api/v1/showcases/:slug/approve',
    op.update(ShowcaseSchema, {
      summary: 'Approve a showcase; its author is told by e-mail (site admins)',
      params: SlugParams,
    }),
    (request) => approveShowcase(ctx, request.actor, request.params.slug),
  );

  app.post(
    '/api/v1/showcases/:slug/reject',
    op.update(ShowcaseSchema, {
      summary: 'Reject a showcase, with the reason its author is shown and mailed (site admins)',
      params: SlugParams,
      body: RejectBody,
    }),
    (request) => rejectShowcase(ctx, request.actor, request.params.slug, request.body.reason),
  );

  app.delete(
    '/api/v1/showcases/:slug',
    op.remove({ summary: 'Delete a showcase (its author or a site admin)', params: SlugParams }),
    (request, reply) => noContent(reply, deleteShowcase(ctx, request.actor, request.params.slug)),
  );
}
