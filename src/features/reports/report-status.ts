import type { ReportStatus } from '../../platform/db/schema.js';

// A report's status as the body sets it, in residents' words, and in Open311's two.

export const STATUSES: readonly ReportStatus[] = [
  'open',
  'investigating',
  'in_progress',
  'action_scheduled',
  'fixed',
  'closed',
  'duplicate',
  'not_responsible',
  'internal_referral',
];

export const STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  open: 'Open',
  investigating: 'Investigating',
  in_progress: 'In progress',
  action_scheduled: 'Action scheduled',
  fixed: 'Fixed',
  closed: 'Closed',
  duplicate: 'Duplicate',
  not_responsible: 'Not the responsibility of this body',
  internal_referral: 'Referred internally',
};

/** Still to be dealt with: what the queue shows first and "me too" may join. */
const OPEN: ReadonlySet<ReportStatus> = new Set([
  'open',
  'investigating',
  'in_progress',
  'action_scheduled',
  'internal_referral',
]);

export const isOpenStatus = (status: ReportStatus): boolean => OPEN.has(status);

/** Open311 knows two statuses. */
export const open311Status = (status: ReportStatus): 'open' | 'closed' =>
  isOpenStatus(status) ? 'open' : 'closed';

export const isStatus = (value: string): value is ReportStatus =>
  (STATUSES as readonly string[]).includes(value);
