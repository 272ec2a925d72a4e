import type { AppContext } from '../../context.js';
import type { EntryAward } from '../../platform/db/schema.js';
import { joinTransaction } from '../../platform/db/transaction.js';
import { conflict, validationFailed } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { recordChallengeChange } from './challenge-activity.js';
import { manageableChallenge } from './challenge-access.js';
import {
  findChallengeBySlug,
  updateChallenge,
  type ChallengeWithOrg,
} from './challenge.repository.js';
import type { WinnersInput } from './challenge.schemas.js';
import { challengeDetail } from './challenge.service.js';
import { deadlinePassed } from './challenge-status.js';
import { listEntryRows, setAwards } from './entry.repository.js';

/** Judging starts at the deadline: before it, entries may still come. */
function assertJudging(challenge: ChallengeWithOrg, at: Date): void {
  if (challenge.cancelled_at !== null) {
    throw conflict('This challenge was cancelled: it is not judged', null, 'cancelled');
  }
  if (challenge.state !== 'published' || !deadlinePassed(challenge, at)) {
    throw conflict(
      `Entries are judged after the deadline, ${challenge.deadline}`,
      { deadline: challenge.deadline },
      'deadline_not_passed',
    );
  }
}

async function reread(ctx: AppContext, actor: Actor, slug: string) {
  const row = await findChallengeBySlug(ctx.db.kysely, slug);
  if (!row) throw new Error(`Challenge ${slug} vanished`);
  return challengeDetail(ctx, actor, row);
}

/** Marks the winners (and commendations); the challenge is decided from then on. */
export async function markWinners(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: WinnersInput,
  at: Date = new Date(),
) {
  const challenge = await manageableChallenge(ctx, actor, slug);
  assertJudging(challenge, at);
  const k = ctx.db.kysely;
  // A withdrawn entry is not judged: naming it is naming no entry.
  const entries = await listEntryRows(k, challenge.id);
  const ids = new Set(entries.filter((e) => e.withdrawn_at === null).map((e) => e.id));
  const commended = input.commended ?? [];
  const unknown = [...input.winners, ...commended].filter((id) => !ids.has(id));
  const both = input.winners.filter((id) => commended.includes(id));
  if (unknown.length > 0 || both.length > 0) {
    throw validationFailed([
      ...unknown.map((id) => ({ field: 'winners', message: `no entry ${id} in this challenge` })),
      ...both.map((id) => ({ field: 'commended', message: `${id} is a winner already` })),
    ]);
  }
  const awards = new Map<string, EntryAward>([
    ...input.winners.map((id) => [id, 'winner'] as const),
    ...commended.map((id) => [id, 'commended'] as const),
  ]);
  const stamp = now();
  await joinTransaction(k, async (trx) => {
    await setAwards(trx, challenge.id, awards, stamp);
    await updateChallenge(trx, challenge.id, {
      decided_at: challenge.decided_at ?? stamp,
      updated_at: stamp,
    });
    const diff = {
      winners: { from: null, to: input.winners },
      commended: { from: null, to: commended },
    };
    await recordChallengeChange(
      trx,
      actor,
      'challenge.judged',
      { type: 'challenge', id: challenge.id },
      challenge.organisation_id,
      diff,
      stamp,
    );
  });
  return reread(ctx, actor, slug);
}

/** Writes (or rewrites) the outcome, public on the challenge's page. */
export async function writeOutcome(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  outcome: string,
  at: Date = new Date(),
) {
  const challenge = await manageableChallenge(ctx, actor, slug);
  assertJudging(challenge, at);
  const text = outcome.trim();
  if (text === '') throw validationFailed([{ field: 'outcome', message: 'Enter the outcome' }]);
  const stamp = now();
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await updateChallenge(trx, challenge.id, { outcome: text, updated_at: stamp });
    const diff = { outcome: { from: challenge.outcome, to: text } };
    await recordChallengeChange(
      trx,
      actor,
      'challenge.outcome-written',
      { type: 'challenge', id: challenge.id },
      challenge.organisation_id,
      diff,
      stamp,
    );
  });
  return reread(ctx, actor, slug);
}
