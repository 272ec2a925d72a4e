import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { Actor } from '../../../accounts/index.js';
import { notFound } from '../../../../platform/errors.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import {
  confirmDeletePage,
  deletedRedirect,
} from '../../../../platform/views/forms/confirm-delete.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { organisationOffers, saveOffer } from '../../category-admin.service.js';
import { SEND_METHODS, withdrawOffer, type OfferInput } from '../../category.service.js';

// /publish/organisations/{slug}/categories: the categories a body answers and how each reaches
// it (e-mail, Open311, webhook), for the body's administrators.

const TEMPLATE = 'features/reports/pages/publish-org-categories/publish-org-categories.njk';

interface OrgRoute {
  Params: { slug: string };
}
interface OfferRoute {
  Params: { slug: string; code: string };
}

interface OfferForm {
  category: string;
  send_method: string;
  destination: string;
  secret: string;
  remote_code: string;
  jurisdiction_id: string;
}

const LABELS = {
  category: { label: 'Category', id: 'category' },
  send_method: { label: 'How reports are sent', id: 'send_method' },
  destination: { label: 'Destination', id: 'destination' },
  secret: { label: 'Secret', id: 'secret' },
  remote_code: { label: 'Service code at your system', id: 'remote_code' },
  jurisdiction_id: { label: 'Jurisdiction id', id: 'jurisdiction_id' },
};

const METHOD_HINTS: Record<string, string> = {
  email: 'An e-mail to your team’s address',
  open311: 'A GeoReport v2 service request to your system (destination: its base URL)',
  webhook: 'A signed JSON POST to your URL (HMAC-SHA256 with the secret)',
};

function formOf(body: unknown): OfferForm {
  return {
    category: field(body, 'category'),
    send_method: field(body, 'send_method'),
    destination: field(body, 'destination').trim(),
    secret: field(body, 'secret'),
    remote_code: field(body, 'remote_code').trim(),
    jurisdiction_id: field(body, 'jurisdiction_id').trim(),
  };
}

async function render(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  slug: string,
  form: OfferForm | null,
  errors?: FormErrors,
) {
  const { organisation, offers, categories } = await organisationOffers(ctx, actor, slug);
  const changing = form
    ? null
    : offers.find((o) => o.category.code === field(reply.request.query, 'category'));
  const shown: OfferForm = form ?? {
    category: changing?.category.code ?? '',
    send_method: changing?.route.send_method ?? 'email',
    destination: changing?.route.destination ?? '',
    secret: '',
    remote_code: changing?.route.remote_code ?? '',
    jurisdiction_id: changing?.route.jurisdiction_id ?? '',
  };
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: `Categories ${organisation.name} answers`,
      section: 'publish',
      breadcrumbs: [PUBLISH],
      organisation,
      offers,
      categories,
      methods: SEND_METHODS.map((m) => ({
        value: m,
        text: m === 'email' ? 'E-mail' : m === 'open311' ? 'Open311' : 'Webhook',
        hint: METHOD_HINTS[m],
      })),
      form: shown,
      secretSet: offers.find((o) => o.category.code === shown.category)?.secretSet ?? false,
    },
    errors,
  );
}

export function publishOrgCategoriesPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<OrgRoute>('/publish/organisations/:slug/categories', (request, reply) =>
    render(ctx, request.actor, reply, request.params.slug, null),
  );

  app.post<OrgRoute>(
    '/publish/organisations/:slug/categories',
    formPost(app),
    async (request, reply) => {
      const { slug } = request.params;
      return submitForm(reply, request.body, {
        labels: LABELS,
        read(body) {
          const form = formOf(body);
          const input: OfferInput = {
            organisation: slug,
            category: form.category,
            sendMethod: form.send_method,
            destination: form.destination,
            secret: form.secret,
            remoteCode: form.remote_code || null,
            jurisdictionId: form.jurisdiction_id || null,
          };
          const errors = form.category ? [] : [{ field: 'category', message: 'Choose a category' }];
          return { form, input, errors };
        },
        save: (input) => saveOffer(ctx, request.actor, input),
        next() {
          reply.flash('The category was saved.');
          return `/publish/organisations/${slug}/categories`;
        },
        render: (form, errors) => render(ctx, request.actor, reply, slug, form, errors),
      });
    },
  );

  app.get<OfferRoute>(
    '/publish/organisations/:slug/categories/:code/remove',
    async (request, reply) => {
      const { slug, code } = request.params;
      const { organisation, offers } = await organisationOffers(ctx, request.actor, slug);
      const offer = offers.find((o) => o.category.code === code);
      if (!offer) throw notFound(`Category ${code} of ${organisation.name}`);
      return confirmDeletePage(reply, {
        kind: 'category',
        name: offer.category.name,
        paragraphs: [
          `Residents will no longer be offered “${offer.category.name}” for ${organisation.name}’s area. Reports already made stay with ${organisation.name}.`,
        ],
        action: `/publish/organisations/${slug}/categories/${code}/remove`,
        back: {
          text: `Categories ${organisation.name} answers`,
          href: `/publish/organisations/${slug}/categories`,
        },
      });
    },
  );

  app.post<OfferRoute>(
    '/publish/organisations/:slug/categories/:code/remove',
    formPost(app),
    async (request, reply) => {
      const { slug, code } = request.params;
      await withdrawOffer(ctx, request.actor, { organisation: slug, category: code });
      return deletedRedirect(reply, 'category', code, `/publish/organisations/${slug}/categories`);
    },
  );
}
