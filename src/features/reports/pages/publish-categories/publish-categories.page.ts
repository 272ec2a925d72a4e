import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { Actor } from '../../../accounts/index.js';
import { notFound } from '../../../../platform/errors.js';
import type { FieldLabels, FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { PUBLISH, publishPage } from '../../../../platform/views/page-head.js';
import { categoriesToDefine } from '../../category-admin.service.js';
import { defineCategory, type Category } from '../../category.service.js';
import {
  categoryFormFromBody,
  categoryFormOf,
  categoryInputOf,
  keptQuestions,
  type CategoryForm,
} from './publish-categories.view.js';

// /publish/categories: the region's categories (what residents can report), for site
// administrators; each body then says which it answers.

const LIST = 'features/reports/pages/publish-categories/publish-categories.njk';
const FORM = 'features/reports/pages/publish-categories/publish-category-form.njk';

interface CodeRoute {
  Params: { code: string };
}

function labels(form: CategoryForm): FieldLabels {
  return {
    code: { label: 'Code', id: 'code' },
    name: { label: 'Name', id: 'name' },
    group: { label: 'Group', id: 'group' },
    description: { label: 'Description', id: 'description' },
    keywords: { label: 'Keywords', id: 'keywords' },
    attributes: { label: 'Questions', id: 'q-1-code' },
    ...Object.fromEntries(
      form.questions.map((_, i) => [
        `question_${String(i + 1)}`,
        { label: `Question ${String(i + 1)}`, id: `q-${String(i + 1)}-code` },
      ]),
    ),
  };
}

async function existing(ctx: AppContext, actor: Actor, code: string): Promise<Category> {
  const found = (await categoriesToDefine(ctx, actor)).find((c) => c.code === code);
  if (!found) throw notFound(`Category ${code}`);
  return found;
}

function renderForm(
  reply: FastifyReply,
  category: Category | null,
  form: CategoryForm,
  errors?: FormErrors,
) {
  return formPage(
    reply,
    FORM,
    {
      pageTitle: category ? `Change “${category.name}”` : 'Add a category',
      section: 'publish',
      breadcrumbs: [PUBLISH, { text: 'Categories', href: '/publish/categories' }],
      editing: category !== null,
      kept: keptQuestions(category),
      action: category ? `/publish/categories/${category.code}/edit` : '/publish/categories/new',
      form,
    },
    errors,
  );
}

export function publishCategoriesPages(app: FastifyInstance, ctx: AppContext): void {
  app.get('/publish/categories', async (request, reply) =>
    reply.page(LIST, {
      ...publishPage('Report categories'),
      categories: await categoriesToDefine(ctx, request.actor),
    }),
  );

  app.get('/publish/categories/new', async (request, reply) => {
    await categoriesToDefine(ctx, request.actor);
    return renderForm(reply, null, categoryFormOf(null));
  });

  app.get<CodeRoute>('/publish/categories/:code/edit', async (request, reply) => {
    const category = await existing(ctx, request.actor, request.params.code);
    return renderForm(reply, category, categoryFormOf(category));
  });

  const save =
    (category: Category | null) =>
    async (request: { body: unknown; actor: Actor }, reply: FastifyReply) =>
      submitForm(reply, request.body, {
        labels: labels(categoryFormFromBody(request.body)),
        read(body) {
          const form = categoryFormFromBody(body);
          if (category) form.code = category.code;
          const { input, errors } = categoryInputOf(form, keptQuestions(category));
          if (!category && !form.code) errors.unshift({ field: 'code', message: 'Enter a code' });
          if (!form.name.trim()) errors.push({ field: 'name', message: 'Enter a name' });
          return { form, input, errors };
        },
        save: (input) => defineCategory(ctx, request.actor, input),
        next(saved) {
          reply.flash(`The category “${saved.name}” was saved.`);
          return '/publish/categories';
        },
        render: (form, errors) => renderForm(reply, category, form, errors),
      });

  app.post('/publish/categories/new', formPost(app), async (request, reply) => {
    const taken = (await categoriesToDefine(ctx, request.actor)).some(
      (c) => c.code === categoryFormFromBody(request.body).code,
    );
    if (taken) {
      const form = categoryFormFromBody(request.body);
      return renderForm(reply, null, form, {
        list: [{ text: 'A category with this code exists: change it instead', href: '#code' }],
        fields: { code: { text: 'A category with this code exists: change it instead' } },
      });
    }
    return save(null)(request, reply);
  });

  app.post<CodeRoute>('/publish/categories/:code/edit', formPost(app), async (request, reply) => {
    const category = await existing(ctx, request.actor, request.params.code);
    return save(category)(request, reply);
  });
}
