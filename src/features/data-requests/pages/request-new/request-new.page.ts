import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { FieldError } from '../../../../platform/errors.js';
import { HOME } from '../../../../platform/views/page-head.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { can, type Actor } from '../../../accounts/index.js';
import { FREQUENCIES, themeTitlesBySlug } from '../../../catalog/index.js';
import { allOrganisations } from '../../../organisations/index.js';
import type { RequestCreateInput } from '../../data-request.schemas.js';
import { createRequest } from '../../data-request.service.js';

const DIR = 'features/data-requests/pages/request-new';
const LABELS = {
  title: { label: 'The data you need', id: 'title' },
  purpose: { label: 'What you need it for', id: 'purpose' },
  organisation: { label: 'Who holds it', id: 'organisation' },
  theme: { label: 'Theme', id: 'theme' },
  frequency: { label: 'How often', id: 'frequency' },
};

type Form = Record<keyof typeof LABELS, string>;

const selectItems = (values: [string, string][], selected: string, none: string) => [
  { value: '', text: none },
  ...values.map(([value, text]) => ({ value, text, selected: value === selected })),
];

async function render(ctx: AppContext, reply: FastifyReply, form: Form, errors?: FormErrors) {
  const [orgs, themes] = await Promise.all([allOrganisations(ctx), themeTitlesBySlug(ctx)]);
  return formPage(
    reply,
    `${DIR}/request-new.njk`,
    {
      pageTitle: 'Request a dataset',
      section: 'data-requests',
      breadcrumbs: [HOME, { text: 'Data requests', href: '/data-requests' }],
      form,
      organisationItems: selectItems(
        orgs.map((o) => [o.slug, o.name]),
        form.organisation,
        'Choose a body',
      ),
      themeItems: selectItems([...themes], form.theme, 'Not sure'),
      frequencyItems: selectItems(
        FREQUENCIES.filter((f) => f !== 'never').map((f) => [
          f,
          `${f.charAt(0).toUpperCase()}${f.slice(1)}`,
        ]),
        form.frequency,
        'Not sure',
      ),
    },
    errors,
  );
}

function read(body: unknown): { form: Form; input: RequestCreateInput; errors: FieldError[] } {
  const form: Form = {
    title: field(body, 'title').trim(),
    purpose: field(body, 'purpose').trim(),
    organisation: field(body, 'organisation'),
    theme: field(body, 'theme'),
    frequency: field(body, 'frequency'),
  };
  const errors: FieldError[] = [];
  if (!form.title) errors.push({ field: 'title', message: 'Enter the data you need' });
  if (form.title.length > 200) {
    errors.push({ field: 'title', message: 'The data you need must be 200 characters or fewer' });
  }
  if (!form.purpose) errors.push({ field: 'purpose', message: 'Say what you need the data for' });
  if (form.purpose.length > 5000) {
    errors.push({
      field: 'purpose',
      message: 'What you need it for must be 5000 characters or fewer',
    });
  }
  if (!form.organisation) {
    errors.push({ field: 'organisation', message: 'Choose the body you think holds the data' });
  }
  const frequency = (FREQUENCIES as readonly string[]).includes(form.frequency)
    ? (form.frequency as RequestCreateInput['frequency'])
    : undefined;
  const input: RequestCreateInput = {
    title: form.title,
    purpose: form.purpose,
    organisation: form.organisation,
    ...(form.theme ? { theme: form.theme } : {}),
    ...(frequency ? { frequency } : {}),
  };
  return { form, input, errors };
}

const signIn = (reply: FastifyReply) =>
  reply.redirect(`/sign-in?next=${encodeURIComponent('/data-requests/new')}`, 303);

const allowed = (actor: Actor) => can(actor, { type: 'data-request:participate' });

/** /data-requests/new: "Request a dataset", for a signed-in resident or business. */
export function requestNewPages(app: FastifyInstance, ctx: AppContext): void {
  const empty: Form = { title: '', purpose: '', organisation: '', theme: '', frequency: '' };
  app.get('/data-requests/new', { schema: { hide: true } }, (request, reply) =>
    allowed(request.actor) ? render(ctx, reply, empty) : signIn(reply),
  );

  app.post(
    '/data-requests/new',
    { schema: { hide: true }, ...formPost(app) },
    async (request, reply) => {
      if (!allowed(request.actor)) return signIn(reply);
      return submitForm(reply, request.body, {
        labels: LABELS,
        read,
        save: (input) => createRequest(ctx, request.actor, input),
        next: (saved) => {
          reply.flash('Your request is published. The body has been asked to answer it.');
          return `/data-requests/${saved.id}`;
        },
        render: (form, errors) => render(ctx, reply, form, errors),
      });
    },
  );
}
