import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertActivity } from './activity.repository.js';
import type { Diff } from './diff.js';

/** Who did it: a signed-in person, or no one (the system, the command line). */
export interface ActivityActor {
  user: { id: string } | null;
}

/** One entry of the audit log, which is also the public history of datasets. */
export interface ActivityEntry {
  /** `<subject type>.<what happened>`: `dataset.created`, `promise.status-changed`. */
  action: string;
  subject: { type: string; id: string };
  /** The dataset whose history shows it; its organisation's too. */
  dataset?: { id: string; organisation_id: string } | null;
  /** The organisation whose history shows it, when no dataset says. */
  organisationId?: string | null;
  diff: Diff;
  at: string;
}

/** Writes an entry of the audit log, in the transaction that made the change. */
export function recordActivity(
  db: Kysely<Database>,
  actor: ActivityActor | null | undefined,
  entry: ActivityEntry,
): Promise<void> {
  return insertActivity(db, {
    actor_id: actor?.user?.id ?? null,
    action: entry.action,
    subject_type: entry.subject.type,
    subject_id: entry.subject.id,
    dataset_id: entry.dataset?.id ?? null,
    organisation_id: entry.dataset?.organisation_id ?? entry.organisationId ?? null,
    diff: JSON.stringify(entry.diff),
    created_at: entry.at,
  });
}
