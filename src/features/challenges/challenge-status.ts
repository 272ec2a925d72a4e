import type { ChallengeRow } from '../../platform/db/schema.js';
import { conflict } from '../../platform/errors.js';

// A challenge's status follows from its state and dates, so it never needs a job to move it on:
// open until the deadline, then judging, then decided once the organisation marks winners; or
// cancelled by the organisation at any point before it is decided.

export const CHALLENGE_STATUSES = ['draft', 'open', 'judging', 'decided', 'cancelled'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const STATUS_LABELS: Record<ChallengeStatus, string> = {
  draft: 'Draft',
  open: 'Open for entries',
  judging: 'Judging',
  decided: 'Decided',
  cancelled: 'Cancelled',
};

type Dates = Pick<ChallengeRow, 'state' | 'deadline' | 'decided_at' | 'cancelled_at'>;

/** Whether the deadline has passed at `at` (entries close at the deadline itself). */
export const deadlinePassed = (c: Pick<ChallengeRow, 'deadline'>, at: Date): boolean =>
  at.getTime() >= Date.parse(c.deadline);

export function challengeStatus(c: Dates, at: Date): ChallengeStatus {
  if (c.state === 'draft') return 'draft';
  if (c.cancelled_at !== null) return 'cancelled';
  if (c.decided_at !== null) return 'decided';
  return deadlinePassed(c, at) ? 'judging' : 'open';
}

/**
 * Refuses work on entries unless the challenge is open: a draft is not yet, a cancelled one and
 * one past its deadline no longer (entries are frozen from the deadline, for the judges).
 */
export function assertOpen(c: Dates, at: Date, what: string): void {
  const status = challengeStatus(c, at);
  if (status === 'open') return;
  if (status === 'draft') throw conflict('This challenge is not published yet', null, 'not_open');
  if (status === 'cancelled') {
    throw conflict('This challenge was cancelled: entries are closed', null, 'cancelled');
  }
  throw conflict(
    `${what} at the deadline, ${c.deadline}`,
    { deadline: c.deadline },
    'deadline_passed',
  );
}
