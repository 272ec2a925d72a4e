import type { ChallengeEntryMemberRow, ChallengeEntryRow } from '../../platform/db/schema.js';
import type { ChallengeWithOrg } from './challenge.repository.js';
import { challengeStatus, STATUS_LABELS } from './challenge-status.js';

// How a challenge and its entries read in the API (and, through it, on the pages).

export function challengeSummary(row: ChallengeWithOrg, baseUrl: string, at: Date) {
  const status = challengeStatus(row, at);
  const path = `/challenges/${encodeURIComponent(row.slug)}`;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    organisation: { slug: row.organisation_slug, name: row.organisation_name },
    deadline: row.deadline,
    status,
    status_label: STATUS_LABELS[status],
    prize: row.prize,
    promise:
      row.promise_slug !== null && row.promise_title !== null
        ? {
            slug: row.promise_slug,
            title: row.promise_title,
            url: `${baseUrl}/promises/${encodeURIComponent(row.promise_slug)}`,
          }
        : null,
    url: `${baseUrl}${path}`,
    api_url: `${baseUrl}/api/v1${path}`,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
export type ChallengeSummaryView = ReturnType<typeof challengeSummary>;

type Member = ChallengeEntryMemberRow & { name: string | null };

/** An entry with its team: names of the lead and accepted members (never their addresses). */
export function entryView(row: ChallengeEntryRow, members: readonly Member[]) {
  const own = members.filter((m) => m.entry_id === row.id);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    url: row.url,
    team_name: row.team_name,
    award: row.award,
    members: own
      .filter((m) => m.accepted_at !== null)
      .map((m) => ({ name: m.name ?? 'A former member', role: m.role })),
    pending_invitations: own.filter((m) => m.accepted_at === null).length,
    withdrawn_at: row.withdrawn_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
export type EntryView = ReturnType<typeof entryView>;

const rank = (e: EntryView): number => (e.award === 'winner' ? 0 : e.award === 'commended' ? 1 : 2);

/** Winners first, then commendations, then the rest in the order they came (a stable sort). */
export const byAward = (a: EntryView, b: EntryView): number => rank(a) - rank(b);
