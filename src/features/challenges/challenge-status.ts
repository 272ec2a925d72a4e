import type { ChallengeRow } from '../../platform/db/schema.js';

// A challenge's status follows from its state and dates, so it never needs a job to move it on:
// open until the deadline, then judging, then decided once the organisation marks winners.

export const CHALLENGE_STATUSES = ['draft', 'open', 'judging', 'decided'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const STATUS_LABELS: Record<ChallengeStatus, string> = {
  draft: 'Draft',
  open: 'Open for entries',
  judging: 'Judging',
  decided: 'Decided',
};

type Dates = Pick<ChallengeRow, 'state' | 'deadline' | 'decided_at'>;

/** Whether the deadline has passed at `at` (entries close at the deadline itself). */
export const deadlinePassed = (c: Pick<ChallengeRow, 'deadline'>, at: Date): boolean =>
  at.getTime() >= Date.parse(c.deadline);

export function challengeStatus(c: Dates, at: Date): ChallengeStatus {
  if (c.state === 'draft') return 'draft';
  if (c.decided_at !== null) return 'decided';
  return deadlinePassed(c, at) ? 'judging' : 'open';
}
