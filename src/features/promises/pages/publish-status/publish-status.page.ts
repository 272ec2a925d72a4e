import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import type { Actor } from '../../../accounts/index.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { authorisePromiseEdit } from '../../promise-access.js';
import { EVIDENCE_KINDS, STATUSES } from '../../promise-status.js';
import { changePromiseStatus } from '../../promise-status.service.js';
import { getPromise } from '../../promise.service.js';
import { statusTag, suggestionLine } from '../promise/promise.view.js';
import {
  blankStatusForm,
  STATUS_LABELS,
  statusFormFromBody,
  statusInputOf,
  type StatusForm,
} from './publish-status.view.js';

const TEMPLATE = 'features/promises/pages/publish-status/publish-status.njk';

async function render(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  slug: string,
  form: StatusForm,
  errors?: FormErrors,
) {
  const promise = await getPromise(ctx, actor, slug);
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: `Change the status of “${promise.title}”`,
      section: 'publish',
      breadcrumbs: [
        PUBLISH,
        { text: 'Promises', href: '/publish/promises' },
        { text: promise.title, href: `/promises/${promise.slug}` },
      ],
      promise,
      tag: statusTag(promise.status),
      suggestion: suggestionLine(promise.status, promise.suggested_status),
      statuses: STATUSES.filter((s) => s.value !== promise.status),
      evidenceKinds: EVIDENCE_KINDS,
      form: { ...form, status: form.status || (promise.suggested_status ?? '') },
    },
    errors,
  );
}

/** /publish/promises/{slug}/status: record a change of status with its rationale and evidence. */
export function publishStatusPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>('/publish/promises/:slug/status', async (request, reply) => {
    await authorisePromiseEdit(ctx, request.actor);
    return render(ctx, request.actor, reply, request.params.slug, blankStatusForm());
  });

  app.post<SlugRoute>('/publish/promises/:slug/status', formPost(app), async (request, reply) => {
    await authorisePromiseEdit(ctx, request.actor);
    const { slug } = request.params;
    return submitForm(reply, request.body, {
      labels: STATUS_LABELS,
      read(body) {
        const form = statusFormFromBody(body);
        return { form, ...statusInputOf(form) };
      },
      save: (input) => changePromiseStatus(ctx, request.actor, slug, input),
      next: (saved) => `/promises/${saved.slug}#timeline`,
      render: (form, errors) => render(ctx, request.actor, reply, slug, form, errors),
    });
  });
}
