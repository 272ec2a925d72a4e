import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import {
  confirmDeletePage,
  deletedRedirect,
} from '../../../../platform/views/forms/confirm-delete.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { editablePromise } from '../../promise-access.js';
import { deletePromise } from '../../promise-delete.service.js';

/** /publish/promises/{slug}/delete: for a promise recorded by mistake. */
export function publishDeletePromisePages(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>('/publish/promises/:slug/delete', async (request, reply) => {
    const p = await editablePromise(ctx, request.actor, request.params.slug);
    return confirmDeletePage(reply, {
      kind: 'promise',
      name: p.title,
      caption: 'The mayor’s promises',
      paragraphs: [
        'The promise and its history of status changes leave the tracker, its feeds and ' +
          'downloads. To record that a promise was broken or dropped, change its status instead.',
        'Its indicators stay, measuring no promise. The activity log keeps what was deleted.',
      ],
      action: `/publish/promises/${p.slug}/delete`,
      back: { text: 'Promises', href: '/publish/promises' },
    });
  });

  app.post<SlugRoute>('/publish/promises/:slug/delete', formPost(app), async (request, reply) => {
    const p = await deletePromise(ctx, request.actor, request.params.slug);
    return deletedRedirect(reply, 'promise', p.title, '/publish/promises');
  });
}
