import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { Actor } from '../../../accounts/index.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { handleReport, photoForStaff } from '../../report-handling.service.js';
import {
  blankUpdateForm,
  handlingInputOf,
  staffReport,
  UPDATE_LABELS,
  updateFormOf,
  type UpdateForm,
} from './publish-report.view.js';

const TEMPLATE = 'features/reports/pages/publish-report/publish-report.njk';

interface ReportRoute {
  Params: { id: string };
}
interface PhotoRoute {
  Params: { id: string; photo: string };
}

async function render(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  id: string,
  form: UpdateForm,
  errors?: FormErrors,
) {
  const view = await staffReport(ctx, actor, id);
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: `${view.category.name} report`,
      section: 'publish',
      breadcrumbs: [PUBLISH, { text: 'Reports', href: '/publish/reports' }],
      ...view,
      form,
    },
    errors,
  );
}

/** /publish/reports/{id}: one report for its body's staff, with the status form. */
export function publishReportPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<ReportRoute>('/publish/reports/:id', (request, reply) =>
    render(ctx, request.actor, reply, request.params.id, blankUpdateForm()),
  );

  app.post<ReportRoute>('/publish/reports/:id', formPost(app), async (request, reply) => {
    const { id } = request.params;
    return submitForm(reply, request.body, {
      labels: UPDATE_LABELS,
      read(body) {
        const form = updateFormOf(body);
        return { form, input: handlingInputOf(form), errors: [] };
      },
      save: (input) => handleReport(ctx, request.actor, id, input),
      next(saved) {
        reply.flash(
          saved.reroutedTo
            ? `The report was passed to ${saved.reroutedTo.name}, and will be sent to them.`
            : 'Your update was posted on the report.',
        );
        // Once passed on, it is another body's: back to the queue.
        return saved.reroutedTo ? '/publish/reports' : `/publish/reports/${id}`;
      },
      render: (form, errors) => render(ctx, request.actor, reply, id, form, errors),
    });
  });

  // A photo, hidden ones too, for the staff only (never cached by a shared cache).
  app.get<PhotoRoute>('/publish/reports/:id/photos/:photo', async (request, reply) => {
    const { photo, body } = await photoForStaff(
      ctx,
      request.actor,
      request.params.id,
      request.params.photo,
    );
    return reply
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .type(photo.content_type)
      .send(body);
  });
}
