import type { Kysely } from 'kysely';
import type { Diff } from '../../platform/activity/diff.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../accounts/index.js';

/** A change to a challenge or its entries, in the audit log and its organisation's history. */
export function recordChallengeChange(
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  subject: { type: 'challenge' | 'challenge-entry'; id: string },
  organisationId: string,
  diff: Diff,
  at: string,
): Promise<void> {
  return recordActivity(db, actor, { action, subject, organisationId, diff, at });
}
