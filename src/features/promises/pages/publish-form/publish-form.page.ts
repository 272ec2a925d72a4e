import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { authorisePromiseEdit } from '../../promise-access.js';
import { SOURCE_KINDS } from '../../promise-status.js';
import type { PromiseCreateInput } from '../../promise.schemas.js';
import { getPromise, promiseFormOptions } from '../../promise.service.js';
import { createPromise, patchPromise } from '../../promise-write.service.js';
import { promiseSchemaErrors } from './publish-form.check.js';
import {
  blankPromiseForm,
  LABELS,
  promiseFormFromBody,
  promiseFormOf,
  promiseInputOf,
  type PromiseForm,
} from './publish-form.view.js';

const TEMPLATE = 'features/promises/pages/publish-form/publish-form.njk';

interface Mode {
  slug?: string;
  title?: string;
}

async function render(
  ctx: AppContext,
  reply: FastifyReply,
  mode: Mode,
  form: PromiseForm,
  errors?: FormErrors,
) {
  const options = await promiseFormOptions(ctx);
  const slug = mode.slug;
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: slug ? `Edit “${mode.title ?? ''}”` : 'Add a promise',
      section: 'publish',
      breadcrumbs: [PUBLISH, { text: 'Promises', href: '/publish/promises' }],
      action: slug ? `/publish/promises/${slug}/edit` : '/publish/promises/new',
      submitText: slug ? 'Save changes' : 'Add promise',
      form,
      sourceKinds: SOURCE_KINDS,
      ...options,
    },
    errors,
  );
}

function submit(
  ctx: AppContext,
  body: unknown,
  reply: FastifyReply,
  mode: Mode,
  save: (input: PromiseCreateInput) => Promise<{ slug: string }>,
) {
  return submitForm(reply, body, {
    labels: LABELS,
    read(body) {
      const form = promiseFormFromBody(body);
      const { input, errors } = promiseInputOf(form);
      // The deadline's own message says more than the schema's about the same field.
      const deadlineKnown = errors.some((e) => e.field.startsWith('deadline'));
      const schema = promiseSchemaErrors(input).filter(
        (e) => !(deadlineKnown && e.field === 'deadline'),
      );
      return { form, input, errors: [...errors, ...schema] };
    },
    save,
    next: (saved) => `/promises/${saved.slug}`,
    render: (form, errors) => render(ctx, reply, mode, form, errors),
  });
}

/** /publish/promises/new and /publish/promises/{slug}/edit: the promise form. */
export function publishPromiseFormPages(app: FastifyInstance, ctx: AppContext): void {
  const write = formPost(app);

  app.get('/publish/promises/new', async (request, reply) => {
    await authorisePromiseEdit(ctx, request.actor);
    const { defaultOwner } = await promiseFormOptions(ctx);
    return render(ctx, reply, {}, blankPromiseForm(defaultOwner));
  });

  app.post('/publish/promises/new', write, async (request, reply) => {
    await authorisePromiseEdit(ctx, request.actor);
    return submit(ctx, request.body, reply, {}, (input) =>
      createPromise(ctx, request.actor, input),
    );
  });

  app.get<SlugRoute>('/publish/promises/:slug/edit', async (request, reply) => {
    await authorisePromiseEdit(ctx, request.actor);
    const p = await getPromise(ctx, request.actor, request.params.slug);
    return render(ctx, reply, { slug: p.slug, title: p.title }, promiseFormOf(p));
  });

  app.post<SlugRoute>('/publish/promises/:slug/edit', write, async (request, reply) => {
    await authorisePromiseEdit(ctx, request.actor);
    const p = await getPromise(ctx, request.actor, request.params.slug);
    return submit(ctx, request.body, reply, { slug: p.slug, title: p.title }, (input) =>
      patchPromise(ctx, request.actor, p.slug, input),
    );
  });
}
