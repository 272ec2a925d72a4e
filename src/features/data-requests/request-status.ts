import type { DataRequestStatus, RefusalReason } from '../../platform/db/schema.js';

// The answers a body gives, in the words its pages use.

export const STATUSES = [
  'new',
  'under_consideration',
  'accepted',
  'released',
  'refused',
  'duplicate',
] as const satisfies readonly DataRequestStatus[];

/** The statuses a body answers with (a request starts `new`). */
export const ANSWERS = STATUSES.filter((s) => s !== 'new');

export const STATUS_LABELS: Record<DataRequestStatus, string> = {
  new: 'Awaiting a response',
  under_consideration: 'Under consideration',
  accepted: 'Accepted',
  released: 'Released',
  refused: 'Refused',
  duplicate: 'Duplicate',
};

/** GOV.UK tag colours, so a list can be scanned by status. */
export const STATUS_TAGS: Record<DataRequestStatus, string> = {
  new: 'govuk-tag--grey',
  under_consideration: 'govuk-tag--blue',
  accepted: 'govuk-tag--turquoise',
  released: 'govuk-tag--green',
  refused: 'govuk-tag--red',
  duplicate: 'govuk-tag--purple',
};

/** Still waiting for a decision: these count against the response target. */
export const AWAITING: readonly DataRequestStatus[] = ['new', 'under_consideration'];

/** A decision: the first of these answers a request, for its response time. */
export const DECIDED = STATUSES.filter((s) => !AWAITING.includes(s));

export const REFUSAL_REASONS = [
  'personal_data',
  'commercial_confidentiality',
  'cost',
  'not_held',
] as const satisfies readonly RefusalReason[];

export const REFUSAL_LABELS: Record<RefusalReason, string> = {
  personal_data: 'It would disclose personal data',
  commercial_confidentiality: 'It is commercially confidential',
  cost: 'It would cost too much to produce',
  not_held: 'We do not hold this data',
};
