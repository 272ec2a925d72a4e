import type { AppContext } from '../../../context.js';
import type { Report, ReportUpdate } from '../../../platform/db/schema.js';
import { PermanentJobError, type JobHandler } from '../../../platform/jobs/jobs.js';
import { findCategoryById } from '../category.repository.js';
import { listSupporterRows } from '../report-parts.repository.js';
import { STATUS_LABELS } from '../report-status.js';
import { findReportRow } from '../report.repository.js';
import { findUpdateRow } from './sending.repository.js';

// The `report.notify` job: an update on a report is e-mailed to its reporter and to everyone
// who confirmed "me too" on it, with a link to the report. One job per update (its dedupe key),
// so each is told once; a retry after a failed send may repeat a message to some of them, which
// is better than none.

interface Recipient {
  email: string;
  reporter: boolean;
}

function recipientsOf(
  report: Report,
  update: ReportUpdate,
  supporters: { email: string; user_id: string | null }[],
): Recipient[] {
  const byReporter =
    update.source === 'reporter' ||
    (update.author_user_id !== null && update.author_user_id === report.reporter_user_id);
  const seen = new Set<string>();
  const out: Recipient[] = [];
  const add = (email: string | null, reporter: boolean) => {
    const key = email?.trim().toLowerCase();
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ email: key, reporter });
  };
  if (!byReporter) add(report.reporter_email, true);
  else if (report.reporter_email) seen.add(report.reporter_email.trim().toLowerCase());
  for (const s of supporters) {
    if (s.user_id !== null && s.user_id === update.author_user_id) continue;
    add(s.email, false);
  }
  return out;
}

function updateMail(
  ctx: AppContext,
  to: Recipient,
  input: { report: Report; update: ReportUpdate; categoryName: string },
) {
  const { report, update, categoryName } = input;
  const url = `${ctx.config.baseUrl}/reports/${report.id}`;
  const status = update.status ? STATUS_LABELS[update.status] : null;
  return {
    to: to.email,
    subject: `${to.reporter ? 'Update on your report' : 'Update on a report you support'}: ${categoryName}${status ? ` (${status})` : ''}`,
    text: [
      to.reporter
        ? `There is an update on the problem you reported (${categoryName}).`
        : `There is an update on a problem you said you also have (${categoryName}).`,
      '',
      ...(status ? [`Status: ${status}`, ''] : []),
      ...(update.text ? [update.text, ''] : []),
      `See the report and its history: ${url}`,
      '',
      `What was reported: ${report.description.slice(0, 500)}`,
    ].join('\n'),
  };
}

export function notifyUpdateHandler(ctx: AppContext): JobHandler {
  return async (payload) => {
    const updateId = (payload as { updateId?: unknown } | null)?.updateId;
    if (typeof updateId !== 'string') throw new PermanentJobError('The job names no update');
    const update = await findUpdateRow(ctx.db.kysely, updateId);
    if (update?.hidden !== 0) return;
    const report = await findReportRow(ctx.db.kysely, update.report_id);
    // The link must work for whoever reads the mail: only public reports are told about.
    if (report?.state !== 'confirmed') return;
    const [category, supporters] = await Promise.all([
      findCategoryById(ctx.db.kysely, report.category_id),
      listSupporterRows(ctx.db.kysely, report.id),
    ]);
    const categoryName = category?.name ?? 'A problem';
    for (const to of recipientsOf(report, update, supporters)) {
      await ctx.mailer.send(updateMail(ctx, to, { report, update, categoryName }));
    }
  };
}
