import type { ReportStatus } from '../../../platform/db/schema.js';

// Statuses over Open311: GeoReport v2 knows `open` and `closed`; mySociety's extension (used by
// FixMyStreet and the councils' systems that talk to it) names more, in upper case. Both
// directions go through here: what a body's system sends us, and what our updates list says.

const FROM_OPEN311: Readonly<Record<string, ReportStatus>> = {
  open: 'open',
  closed: 'closed',
  investigating: 'investigating',
  in_progress: 'in_progress',
  action_scheduled: 'action_scheduled',
  fixed: 'fixed',
  duplicate: 'duplicate',
  not_councils_responsibility: 'not_responsible',
  internal_referral: 'internal_referral',
  // Other spellings seen in the wild for the same states.
  'in progress': 'in_progress',
  'action scheduled': 'action_scheduled',
  not_responsible: 'not_responsible',
};

/** A status from a body's system (any case), or null for one we do not know. */
export function statusFromOpen311(value: string): ReportStatus | null {
  return FROM_OPEN311[value.trim().toLowerCase()] ?? null;
}

/** Our status in mySociety's extended words (the updates list). */
export function extendedOpen311Status(status: ReportStatus): string {
  return status === 'not_responsible' ? 'NOT_COUNCILS_RESPONSIBILITY' : status.toUpperCase();
}
