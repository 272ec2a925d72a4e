import type { AppContext } from '../../context.js';
import type { Report } from '../../platform/db/schema.js';
import { now } from '../../platform/ids.js';
import { findReportByConfirmToken } from './report.repository.js';
import { hashToken } from './report.service.js';

// What a report's confirmation link can still do, shown before its button is pressed (a mail
// scanner opening the link must not confirm anything).

export type ConfirmLinkState =
  { state: 'usable'; report: Report } | { state: 'confirmed'; report: Report } | { state: 'gone' };

export async function reportConfirmLinkState(
  ctx: AppContext,
  token: string,
): Promise<ConfirmLinkState> {
  const report = await findReportByConfirmToken(ctx.db.kysely, hashToken(token));
  if (!report || report.state === 'hidden') return { state: 'gone' };
  if (report.state === 'confirmed') return { state: 'confirmed', report };
  if (report.confirm_expires_at && report.confirm_expires_at < now()) return { state: 'gone' };
  return { state: 'usable', report };
}
