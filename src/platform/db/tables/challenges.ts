import type { Selectable } from 'kysely';

// Challenges (migrations 0021, 0025): an organisation's problem, the datasets it offers, and entries.

export type ChallengeState = 'draft' | 'published';
export type EntryAward = 'winner' | 'commended';
export type EntryMemberRole = 'lead' | 'member';

export interface ChallengeTable {
  id: string;
  slug: string;
  organisation_id: string;
  title: string;
  /** Markdown. */
  problem: string;
  criteria: string;
  prize: string | null;
  /** ISO timestamp: entries close at this moment. */
  deadline: string;
  state: ChallengeState;
  promise_id: string | null;
  /** Markdown, written when judged. */
  outcome: string | null;
  decided_at: string | null;
  /** Set when the organisation cancels it (migration 0025): no more entries, no judging. */
  cancelled_at: string | null;
  /** Markdown, public: why it was cancelled. */
  cancellation_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChallengeDatasetTable {
  challenge_id: string;
  dataset_id: string;
  position: number;
}

export interface ChallengeEntryTable {
  id: string;
  challenge_id: string;
  title: string;
  description: string;
  url: string;
  team_name: string | null;
  created_by: string | null;
  award: EntryAward | null;
  /** Set when its team withdraws it (migration 0025): neither public nor judged. */
  withdrawn_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChallengeEntryMemberTable {
  entry_id: string;
  /** Lower-cased. */
  email: string;
  user_id: string | null;
  role: EntryMemberRole;
  invited_at: string;
  accepted_at: string | null;
}

export type ChallengeRow = Selectable<ChallengeTable>;
export type ChallengeEntryRow = Selectable<ChallengeEntryTable>;
export type ChallengeEntryMemberRow = Selectable<ChallengeEntryMemberTable>;
