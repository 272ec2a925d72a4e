import { Type } from 'typebox';
import { Nullable, Page } from '../../platform/http/schemas.js';
import { StatusEnum } from './challenge.schemas.js';

const Named = Type.Object({ slug: Type.String(), name: Type.String() });

export const ChallengeSummary = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    title: Type.String(),
    organisation: Named,
    deadline: Type.String({ description: 'When entries close' }),
    status: StatusEnum,
    status_label: Type.String(),
    prize: Nullable(Type.String()),
    promise: Nullable(
      Type.Object({ slug: Type.String(), title: Type.String(), url: Type.String() }),
    ),
    url: Type.String({ description: 'The challenge page' }),
    api_url: Type.String(),
    created_at: Type.String(),
    updated_at: Type.String(),
  },
  { description: "An organisation's challenge; status follows from its dates" },
);

export const ChallengeDetail = Type.Object({
  ...ChallengeSummary.properties,
  problem: Type.String({ description: 'Markdown' }),
  criteria: Type.String({ description: 'Markdown' }),
  datasets: Type.Array(
    Type.Object({
      slug: Type.String(),
      title: Type.String(),
      organisation: Named,
      url: Type.String(),
    }),
    { description: 'The public datasets offered' },
  ),
  entries_public: Type.Boolean({
    description: 'Entries are public once the deadline passes (never, if cancelled)',
  }),
  entry_count: Type.Integer({ minimum: 0, description: 'Entries not withdrawn' }),
  outcome: Nullable(Type.String({ description: 'Markdown, once decided' })),
  decided_at: Nullable(Type.String()),
  cancelled_at: Nullable(Type.String({ description: 'Set if the organisation cancelled it' })),
  cancellation_reason: Nullable(Type.String({ description: 'Why it was cancelled (Markdown)' })),
});

export const Entry = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    description: Type.String({ description: 'Markdown' }),
    url: Type.String(),
    team_name: Nullable(Type.String()),
    award: Nullable(Type.String({ description: 'winner or commended, once judged' })),
    members: Type.Array(
      Type.Object({
        name: Type.String(),
        role: Type.String({ description: 'lead (who entered) or member' }),
      }),
      { description: 'Who made it: the lead and the members who accepted' },
    ),
    pending_invitations: Type.Integer({ minimum: 0 }),
    withdrawn_at: Nullable(
      Type.String({ description: 'Set once its team withdrew it: only the team sees it then' }),
    ),
    created_at: Type.String(),
    updated_at: Type.String(),
  },
  { description: 'An entry to a challenge' },
);

export const ChallengeList = Page(ChallengeSummary);
export const EntryList = Page(Entry, {
  entries_public: Type.Boolean({
    description: 'false: before the deadline you see only your team’s entries (all, if you judge)',
  }),
});

export const InvitationList = Page(
  Type.Object({
    entry_id: Type.String(),
    entry_title: Type.String(),
    team_name: Nullable(Type.String()),
    challenge: Type.Object({ slug: Type.String(), title: Type.String(), url: Type.String() }),
    invited_at: Type.String(),
    accept_url: Type.String({ description: 'POST here to accept' }),
  }),
);
