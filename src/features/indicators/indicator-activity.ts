import type { Kysely } from 'kysely';
import { diffOf } from '../../platform/activity/diff.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../accounts/index.js';

// Indicators and dashboards are recorded alike: neither belongs to a dataset or an organisation.

type Kind = 'indicator' | 'dashboard';

interface Row {
  id: string;
  slug: string;
  title: string;
  updated_at: string;
}

/** Created (nothing before) or changed: the fields its editor set that differ. */
export function recordSaved<R extends Row>(
  db: Kysely<Database>,
  actor: Actor,
  kind: Kind,
  before: R | null,
  row: R,
  snapshot: (r: R) => Record<string, unknown>,
): Promise<void> {
  return recordActivity(db, actor, {
    action: before ? `${kind}.updated` : `${kind}.created`,
    subject: { type: kind, id: row.id },
    diff: diffOf(before ? snapshot(before) : {}, snapshot(row)),
    at: row.updated_at,
  });
}

/** Deleted: which one it was, by slug and title. */
export function recordDeleted(
  db: Kysely<Database>,
  actor: Actor,
  kind: Kind,
  row: Row,
  at: string,
): Promise<void> {
  return recordActivity(db, actor, {
    action: `${kind}.deleted`,
    subject: { type: kind, id: row.id },
    diff: { slug: { from: row.slug, to: null }, title: { from: row.title, to: null } },
    at,
  });
}
