import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { authorise, type Actor } from '../../../accounts/index.js';
import { invalidParameter } from '../../../../platform/errors.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { reportForStaff } from '../../report-handling.service.js';
import { moderateReport, type ModerationInput } from '../../report-moderation.service.js';
import { getReport } from '../../report.service.js';

// One moderation action per page (GOV.UK's one thing per page): what it does, the reason, and
// for a redaction the text to edit.

const TEMPLATE = 'features/reports/pages/publish-report-moderate/publish-report-moderate.njk';

const TITLES: Record<string, string> = {
  hide: 'Hide this report from the public',
  unhide: 'Show this report to the public again',
  hide_photo: 'Hide a photo from the public',
  unhide_photo: 'Show a photo to the public again',
  hide_update: 'Hide an update from the public',
  redact: 'Redact the description',
};

const LABELS = {
  reason: { label: 'Reason', id: 'reason' },
  description: { label: 'Description', id: 'description' },
  photo_id: { label: 'Photo', id: 'reason' },
  update_id: { label: 'Update', id: 'reason' },
  action: { label: 'Action', id: 'reason' },
};

interface ModerateRoute {
  Params: { id: string };
}

interface ModerateForm {
  action: string;
  photo: string;
  update: string;
  reason: string;
  description: string | null;
}

function formOf(values: unknown): ModerateForm {
  const action = field(values, 'action');
  if (!(action in TITLES)) throw invalidParameter('action', 'No such moderation action');
  return {
    action,
    photo: field(values, 'photo'),
    update: field(values, 'update'),
    reason: field(values, 'reason'),
    // Shown at first as it reads now; as typed once posted.
    description:
      action === 'redact' && (values as Record<string, unknown> | null)?.description !== undefined
        ? field(values, 'description')
        : null,
  };
}

async function render(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  id: string,
  form: ModerateForm,
  errors?: FormErrors,
) {
  const report = await reportForStaff(ctx, actor, id);
  authorise(
    actor,
    { type: 'report:moderate', organisationId: report.organisation_id },
    'Only the body’s administrators and editors moderate reports',
  );
  const detail = await getReport(ctx, actor, id);
  const photoIndex = detail.photos.findIndex((p) => p.id === form.photo);
  const update = detail.updates.find((u) => u.id === form.update);
  if (form.action.includes('photo') && photoIndex < 0)
    throw invalidParameter('photo', 'No such photo');
  if (form.action === 'hide_update' && !update) throw invalidParameter('update', 'No such update');
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: TITLES[form.action] ?? 'Moderate',
      section: 'publish',
      breadcrumbs: [
        PUBLISH,
        { text: 'Reports', href: '/publish/reports' },
        { text: `${detail.category.name} report`, href: `/publish/reports/${id}` },
      ],
      report,
      category: detail.category,
      photoN: photoIndex + 1,
      update,
      form: { ...form, description: form.description ?? report.description },
    },
    errors,
  );
}

/** /publish/reports/{id}/moderate?action=…: hide, show, redact, with a reason. */
export function publishModeratePages(app: FastifyInstance, ctx: AppContext): void {
  app.get<ModerateRoute>('/publish/reports/:id/moderate', (request, reply) =>
    render(ctx, request.actor, reply, request.params.id, formOf(request.query)),
  );

  app.post<ModerateRoute>(
    '/publish/reports/:id/moderate',
    formPost(app),
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(reply, request.body, {
        labels: LABELS,
        read(body) {
          const form = formOf(body);
          const input: ModerationInput = {
            action: form.action,
            reason: form.reason,
            photoId: form.photo || undefined,
            updateId: form.update || undefined,
            description: form.description ?? undefined,
          };
          const errors = form.reason.trim()
            ? []
            : [{ field: 'reason', message: 'Enter the reason, for the moderation record' }];
          return { form, input, errors };
        },
        save: (input) => moderateReport(ctx, request.actor, id, input),
        next(saved) {
          reply.flash(
            `Done: ${(TITLES[saved.action] ?? saved.action).toLowerCase()}. The reason is recorded.`,
          );
          return `/publish/reports/${id}`;
        },
        render: (form, errors) => render(ctx, request.actor, reply, id, form, errors),
      });
    },
  );
}
