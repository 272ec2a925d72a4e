import type { Kysely } from 'kysely';
import type { Diff } from '../../platform/activity/diff.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../accounts/index.js';

/** A change to a promise, in the audit log and its owner's history. */
export function recordPromiseChange(
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  promise: { id: string; owner_id: string },
  diff: Diff,
  at: string,
): Promise<void> {
  return recordActivity(db, actor, {
    action,
    subject: { type: 'promise', id: promise.id },
    organisationId: promise.owner_id,
    diff,
    at,
  });
}
