import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import {
  fieldErrorsOf,
  formErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { formatBytes } from '../../../../platform/views/filters.js';
import { can, type Actor } from '../../../accounts/index.js';
import { datasetSlugsOf, publicDatasetsNamed } from '../../../catalog/index.js';
import { MAX_IMAGE_BYTES } from '../../showcase-image.js';
import type { PublicShowcase } from '../../showcase.view.js';
import { pageShowcase } from '../page-showcase.js';
import { LABELS, typeItems, type SubmitForm } from './submit.view.js';

// The one form for a new showcase and for changing one (its author or a site admin).

/** Editing: the showcase as it is now; undefined for a new one. */
export type FormMode = PublicShowcase | undefined;

export async function renderShowcaseForm(
  ctx: AppContext,
  reply: FastifyReply,
  actor: Actor,
  editing: FormMode,
  form: SubmitForm,
  errors?: FormErrors,
  imageDropped = false,
) {
  // After a problem, the datasets typed are listed back: which were found, which not.
  const chosen = errors ? await publicDatasetsNamed(ctx, datasetSlugsOf(form.datasets)) : null;
  const crumbs = [HOME, { text: 'Showcases', href: '/showcases' }];
  const common = {
    section: 'showcases',
    form,
    types: typeItems(form.type),
    accountName: actor.user?.name ?? '',
    maxImage: formatBytes(MAX_IMAGE_BYTES),
    imageDropped,
    chosen,
  };
  const template = 'features/showcases/pages/submit/submit.njk';
  if (!editing) {
    return formPage(
      reply,
      template,
      {
        ...common,
        pageTitle: 'Submit a showcase',
        breadcrumbs: crumbs,
        action: '/account/showcases/new',
        buttonText: 'Submit for approval',
      },
      errors,
    );
  }
  // An author's change to a decided showcase goes back to the queue (showcase-edit.service.ts).
  const backToQueue = editing.status !== 'pending' && !can(actor, { type: 'showcase:moderate' });
  return formPage(
    reply,
    template,
    {
      ...common,
      pageTitle: `Change “${editing.title}”`,
      breadcrumbs: [...crumbs, { text: editing.title, href: `/showcases/${editing.slug}` }],
      action: `/showcases/${editing.slug}/edit`,
      buttonText: backToQueue ? 'Save and send for approval' : 'Save changes',
      editing: pageShowcase(editing),
      backToQueue,
    },
    errors,
  );
}

/** The service's field errors as the form's, or rethrown when the failure is not the input's. */
export function formFailure(err: unknown): FormErrors {
  const fields = fieldErrorsOf(err);
  if (!fields) throw err;
  return formErrors(fields, LABELS);
}
