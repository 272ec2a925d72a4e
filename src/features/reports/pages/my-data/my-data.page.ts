import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { DomainError } from '../../../../platform/errors.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { formErrors, type FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { deleteMyAccount, exportMyData } from '../../personal-data.service.js';
import { sendExport, summaryOf } from './my-data.view.js';
import { emailOnlyPages } from './email-only.page.js';

const DIR = 'features/reports/pages/my-data';
const CONFIRM_LABELS = { confirm: { label: 'Confirm', id: 'confirm' } };

/**
 * UK GDPR for people with an account: /account/data says what is held, downloads it as JSON
 * and deletes the account (after a confirmation). Reports stay public without the person.
 */
export function myDataPages(app: FastifyInstance, ctx: AppContext): void {
  const crumbs = [HOME, { text: 'Your reports', href: '/account/reports' }];

  async function renderDelete(reply: FastifyReply, errors?: FormErrors) {
    return formPage(
      reply,
      `${DIR}/delete-account.njk`,
      {
        pageTitle: 'Delete your account',
        section: 'your-reports',
        breadcrumbs: [...crumbs, { text: 'Your data', href: '/account/data' }],
      },
      errors,
    );
  }

  app.get('/account/data', async (request, reply) => {
    const data = await exportMyData(ctx, request.actor);
    return reply.page(`${DIR}/my-data.njk`, {
      pageTitle: 'Your data',
      section: 'your-reports',
      breadcrumbs: crumbs,
      account: data.account?.account,
      summary: summaryOf(data),
    });
  });

  app.get('/account/data/export.json', async (request, reply) =>
    sendExport(reply, await exportMyData(ctx, request.actor)),
  );

  app.get('/account/data/delete', (_request, reply) => renderDelete(reply));

  app.post('/account/data/delete', formPost(app), async (request, reply) => {
    if (field(request.body, 'confirm') !== 'yes') {
      const message = 'Confirm that you want to delete your account';
      return renderDelete(reply, formErrors([{ field: 'confirm', message }], CONFIRM_LABELS));
    }
    try {
      await deleteMyAccount(ctx, request.actor);
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind !== 'conflict') throw err;
      return renderDelete(
        reply,
        formErrors([{ field: 'confirm', message: err.message }], CONFIRM_LABELS),
      );
    }
    // The session went with the account: the next request finds the cookie unknown, clears it
    // and shows the home page signed out, with this message.
    reply.flash(
      'Your account has been deleted. Your reports stay public without your name or contact details.',
    );
    return reply.redirect('/', 303);
  });

  emailOnlyPages(app, ctx);
}
