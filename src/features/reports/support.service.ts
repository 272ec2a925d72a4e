import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Report, ReportSupporter } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { enforceRateLimit } from '../../platform/rate-limit.js';
import type { Actor } from '../accounts/index.js';
import { findCategoryById } from './category.repository.js';
import { findReportRow } from './report.repository.js';
import { isOpenStatus, STATUS_LABELS } from './report-status.js';
import { hashToken } from './report.service.js';
import {
  findSupporter,
  findSupporterByToken,
  insertSupporter,
  recountSupporters,
  updateSupporter,
} from './support.repository.js';

// "Me too": someone else has the same problem. A signed-in resident with a verified e-mail
// counts at once; anyone else proves their mailbox by a link first, as a reporter does. One
// voice per e-mail per report; the supporters hear of the body's updates (another job's work:
// here they are only recorded, confirmed).

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type SupportOutcome = 'counted' | 'check_email' | 'already';

export interface SupportResult {
  outcome: SupportOutcome;
  report: Report;
  /** The report's confirmed supporters, this one included once counted. */
  supporters: number;
  /** Where the confirmation link went (check_email). */
  email: string;
}

/** The report a "me too" may join: public and still open. */
async function supportableReport(ctx: AppContext, reportId: string): Promise<Report> {
  const report = await findReportRow(ctx.db.kysely, reportId);
  if (report?.state !== 'confirmed') throw notFound(`Report ${reportId}`);
  if (!isOpenStatus(report.status)) {
    throw conflict(
      `This problem is marked “${STATUS_LABELS[report.status]}”: if it has come back, report it again`,
      undefined,
      'report_closed',
    );
  }
  return report;
}

/** Whether a "me too" by this actor counts without an e-mailed link. */
const verifiedResident = (actor: Actor) =>
  actor.user?.emailVerified === true && actor.scopes.has('reports') ? actor.user : null;

async function mailLink(ctx: AppContext, report: Report, email: string, token: string) {
  const category = await findCategoryById(ctx.db.kysely, report.category_id);
  const url = `${ctx.config.baseUrl}/report/support/confirm/${token}`;
  await ctx.mailer.send({
    to: email,
    subject: `Confirm you have this problem too: ${category?.name ?? 'a reported problem'}`,
    text: [
      'You said you have this problem too:',
      '',
      report.description.slice(0, 500),
      '',
      'Confirm it here, and you will be told when the council updates the report:',
      url,
      '',
      `The link works within ${ctx.config.reportConfirmHours} hours.`,
      'If this was not you, ignore this e-mail and nothing is counted.',
    ].join('\n'),
  });
}

/**
 * Adds someone's voice to an open report: at once for a verified resident, else after the link
 * mailed to `email`. Limited per address and per account, like reports.
 */
export async function supportReport(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  input: { email?: string | undefined; clientAddress: string },
): Promise<SupportResult> {
  const report = await supportableReport(ctx, reportId);
  await enforceRateLimit(
    ctx.db,
    { key: `support:address:${input.clientAddress}`, limit: 30, windowS: 3600 },
    'Too many “me too”s from this address; try again in an hour',
  );
  if (actor.user) {
    await enforceRateLimit(
      ctx.db,
      { key: `support:account:${actor.user.id}`, limit: 60, windowS: 86_400 },
      'Too many “me too”s from this account today; try again tomorrow',
    );
  }
  const resident = verifiedResident(actor);
  const email = resident?.email ?? input.email?.trim().toLowerCase() ?? '';
  if (!resident) {
    if (!email) throw validationFailed([{ field: 'email', message: 'Enter your e-mail address' }]);
    if (!EMAIL.test(email)) {
      throw validationFailed([
        { field: 'email', message: 'Enter an e-mail address like name@example.com' },
      ]);
    }
  }
  if (report.reporter_email === email) {
    throw conflict('You made this report: it already counts you', undefined, 'own_report');
  }
  const existing = await findSupporter(ctx.db.kysely, report.id, email);
  const result = (outcome: SupportOutcome, supporters: number): SupportResult => ({
    outcome,
    report,
    supporters,
    email,
  });
  if (existing?.confirmed === 1) return result('already', report.supporters_count);

  if (resident) {
    return inTransaction(ctx, async (tx) => {
      if (existing) {
        await updateSupporter(tx.db.kysely, existing.id, {
          confirmed: 1,
          user_id: resident.id,
          token_hash: null,
        });
      } else if (!(await insertSupporter(tx.db.kysely, row(report.id, email, resident.id, 1)))) {
        return result('already', report.supporters_count);
      }
      return result('counted', await recountSupporters(tx.db.kysely, report.id));
    });
  }

  const token = randomBytes(32).toString('base64url');
  if (existing) {
    // Asked again before confirming: a fresh link, and the old one stops working.
    await updateSupporter(ctx.db.kysely, existing.id, {
      token_hash: hashToken(token),
      created_at: now(),
    });
  } else {
    const added = row(report.id, email, actor.user?.id ?? null, 0, hashToken(token));
    if (!(await insertSupporter(ctx.db.kysely, added))) {
      return result('already', report.supporters_count);
    }
  }
  await mailLink(ctx, report, email, token);
  return result('check_email', report.supporters_count);
}

const row = (
  reportId: string,
  email: string,
  userId: string | null,
  confirmed: number,
  tokenHash: string | null = null,
): ReportSupporter => ({
  id: newId(),
  report_id: reportId,
  user_id: userId,
  email,
  confirmed,
  token_hash: tokenHash,
  created_at: now(),
});

export type SupportLinkState = 'usable' | 'used' | 'gone';

function linkState(ctx: AppContext, supporter: ReportSupporter | undefined): SupportLinkState {
  if (!supporter) return 'gone';
  if (supporter.confirmed === 1) return 'used';
  const expires = Date.parse(supporter.created_at) + ctx.config.reportConfirmHours * 3_600_000;
  return expires < Date.now() ? 'gone' : 'usable';
}

/** What a "me too" link can still do, before anyone presses its button. */
export async function supportLinkState(ctx: AppContext, token: string): Promise<SupportLinkState> {
  return linkState(ctx, await findSupporterByToken(ctx.db.kysely, hashToken(token)));
}

/**
 * Confirms a "me too" by its mailed link: counted once; a second use says it was already.
 * An unknown or expired link is a 404 / 409.
 */
export async function confirmSupport(
  ctx: AppContext,
  token: string,
): Promise<{ outcome: 'counted' | 'already'; report: Report; supporters: number }> {
  const supporter = await findSupporterByToken(ctx.db.kysely, hashToken(token));
  const state = linkState(ctx, supporter);
  if (!supporter || state === 'gone') {
    throw notFound('This confirmation link');
  }
  return inTransaction(ctx, async (tx) => {
    const report = await findReportRow(tx.db.kysely, supporter.report_id);
    if (!report) throw notFound('This confirmation link');
    if (state === 'used') {
      return { outcome: 'already' as const, report, supporters: report.supporters_count };
    }
    await updateSupporter(tx.db.kysely, supporter.id, { confirmed: 1 });
    const supporters = await recountSupporters(tx.db.kysely, report.id);
    return { outcome: 'counted' as const, report, supporters };
  });
}
