import type { FastifyReply } from 'fastify';
import type { FormErrors } from '../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../platform/views/forms/form-page.js';
import { PUBLISH } from '../../../platform/views/page-head.js';
import { INDICATOR_AGGREGATES, INDICATOR_BUCKETS } from '../indicator.schemas.js';

// Indicators and dashboards are added and edited alike, from their lists under Publish.
const EDITORS = {
  indicators: {
    list: 'Indicators',
    adding: 'Add an indicator',
    template: 'features/indicators/pages/publish-indicator/publish-indicator.njk',
    // The query's choices of aggregate and period.
    choices: { fns: INDICATOR_AGGREGATES, buckets: INDICATOR_BUCKETS },
  },
  dashboards: {
    list: 'Dashboards',
    adding: 'Add a dashboard',
    template: 'features/indicators/pages/publish-dashboard/publish-dashboard.njk',
    choices: {},
  },
};

/**
 * The form adding an indicator or a dashboard, or editing the one with `slug`; after a failed
 * post, with its errors.
 */
export function editorPage(
  reply: FastifyReply,
  kind: keyof typeof EDITORS,
  slug: string | null,
  form: { title: string },
  errors?: FormErrors,
) {
  const editor = EDITORS[kind];
  const list = `/publish/${kind}`;
  return formPage(
    reply,
    editor.template,
    {
      pageTitle: slug ? `Edit “${form.title}”` : editor.adding,
      section: 'publish',
      breadcrumbs: [PUBLISH, { text: editor.list, href: list }],
      action: slug ? `${list}/${slug}/edit` : `${list}/new`,
      editing: slug !== null,
      form,
      ...editor.choices,
    },
    errors,
  );
}
