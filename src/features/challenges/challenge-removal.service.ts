import type { AppContext } from '../../context.js';
import { joinTransaction } from '../../platform/db/transaction.js';
import { conflict, validationFailed } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { recordChallengeChange } from './challenge-activity.js';
import { manageableChallenge } from './challenge-access.js';
import {
  deleteChallengeRow,
  findChallengeBySlug,
  updateChallenge,
  type ChallengeWithOrg,
} from './challenge.repository.js';
import { challengeDetail } from './challenge.service.js';
import { challengeStatus } from './challenge-status.js';
import { countEntries, entrantEmails } from './entry.repository.js';

// Taking a challenge down. One nobody has entered yet is deleted. One with entries is cancelled
// instead, as challenge platforms do: people's work stays theirs to see (and the reason is
// public), nothing is judged, and the entrants are told by e-mail.

/** What the organisation may do to take it down now: delete it, cancel it, or neither. */
export async function removalOf(
  ctx: AppContext,
  row: ChallengeWithOrg,
  at: Date = new Date(),
): Promise<'delete' | 'cancel' | null> {
  if ((await countEntries(ctx.db.kysely, row.id)) === 0) return 'delete';
  return ['open', 'judging'].includes(challengeStatus(row, at)) ? 'cancel' : null;
}

/** Deletes a challenge nobody has entered (its editors or a site admin); else 409 has_entries. */
export async function deleteChallenge(ctx: AppContext, actor: Actor, slug: string): Promise<void> {
  const row = await manageableChallenge(ctx, actor, slug);
  const entries = await countEntries(ctx.db.kysely, row.id);
  if (entries > 0) {
    throw conflict(
      `This challenge has ${String(entries)} ${entries === 1 ? 'entry' : 'entries'}: cancel it instead, so the entrants keep their work`,
      { entries },
      'has_entries',
    );
  }
  const at = now();
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await deleteChallengeRow(trx, row.id);
    await recordChallengeChange(
      trx,
      actor,
      'challenge.deleted',
      { type: 'challenge', id: row.id },
      row.organisation_id,
      { title: { from: row.title, to: null } },
      at,
    );
  });
}

async function mailEntrants(ctx: AppContext, row: ChallengeWithOrg, reason: string) {
  const url = `${ctx.config.baseUrl}/challenges/${encodeURIComponent(row.slug)}`;
  const text = [
    `${row.organisation_name} has cancelled the challenge “${row.title}”. The reason:`,
    '',
    reason,
    '',
    'Your entry stays on the challenge’s page for your team to see:',
    url,
  ].join('\n');
  // Best effort, as the invitations: the cancellation is saved and shown on the page anyway.
  for (const to of await entrantEmails(ctx.db.kysely, row.id)) {
    await ctx.mailer
      .send({ to, subject: `Challenge cancelled: ${row.title}`, text })
      .catch(() => undefined);
  }
}

/** Cancels a published challenge before it is decided, with the public reason. */
export async function cancelChallenge(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  reason: string,
  at: Date = new Date(),
) {
  const row = await manageableChallenge(ctx, actor, slug);
  const text = reason.trim();
  if (text === '') throw validationFailed([{ field: 'reason', message: 'Enter the reason' }]);
  const status = challengeStatus(row, at);
  if (status === 'cancelled')
    throw conflict('This challenge is cancelled already', null, 'cancelled');
  if (status === 'decided') {
    throw conflict('This challenge is decided: it can no longer be cancelled', null, 'decided');
  }
  if (status === 'draft') {
    throw conflict('A draft is not cancelled: delete it, or keep it as a draft', null, 'not_open');
  }
  const stamp = at.toISOString();
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await updateChallenge(trx, row.id, {
      cancelled_at: stamp,
      cancellation_reason: text,
      updated_at: stamp,
    });
    await recordChallengeChange(
      trx,
      actor,
      'challenge.cancelled',
      { type: 'challenge', id: row.id },
      row.organisation_id,
      { cancelled_at: { from: null, to: stamp }, cancellation_reason: { from: null, to: text } },
      stamp,
    );
  });
  await mailEntrants(ctx, row, text);
  const after = await findChallengeBySlug(ctx.db.kysely, slug);
  if (!after) throw new Error(`Challenge ${slug} vanished`);
  return challengeDetail(ctx, actor, after);
}
