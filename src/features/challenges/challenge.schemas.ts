import { Type, type Static } from 'typebox';
import {
  DateTime,
  enumOf,
  ListQuery,
  Nullable,
  Slug,
  WebUrl,
} from '../../platform/http/schemas.js';
import { CHALLENGE_STATUSES } from './challenge-status.js';

export const StatusEnum = enumOf(CHALLENGE_STATUSES);
export const StateEnum = enumOf(
  ['draft', 'published'] as const,
  'draft: only its organisation sees it',
);

const ChallengeFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  problem: Type.String({ minLength: 1, maxLength: 20_000, description: 'Markdown' }),
  criteria: Type.String({
    minLength: 1,
    maxLength: 5000,
    description: 'How entries are judged (Markdown)',
  }),
  prize: Nullable(Type.String({ maxLength: 500, description: 'The prize or reward, if any' })),
  deadline: { ...DateTime, description: 'When entries close (ISO 8601, UTC)' },
  datasets: Type.Array(Slug, {
    maxItems: 20,
    uniqueItems: true,
    description: 'Slugs of public datasets of the catalogue offered for the challenge',
  }),
  promise: Nullable({ ...Slug, description: 'Slug of a promise of the tracker it serves' }),
  state: StateEnum,
};

export const ChallengeCreateBody = Type.Object(
  {
    organisation: { ...Slug, description: 'The organisation that sets the challenge' },
    slug: Type.Optional(Slug),
    ...ChallengeFields,
    prize: Type.Optional(ChallengeFields.prize),
    datasets: Type.Optional(ChallengeFields.datasets),
    promise: Type.Optional(ChallengeFields.promise),
    state: Type.Optional({ ...StateEnum, description: 'draft (the default) or published' }),
  },
  { additionalProperties: false },
);
export type ChallengeCreateInput = Static<typeof ChallengeCreateBody>;

export const ChallengePatchBody = Type.Partial(Type.Object(ChallengeFields), {
  additionalProperties: false,
});
export type ChallengePatchInput = Static<typeof ChallengePatchBody>;

export const ChallengeListQuery = ListQuery({
  status: Type.Optional(Type.Array(StatusEnum, { maxItems: 4 })),
  organisation: Type.Optional(Slug),
  promise: Type.Optional(Slug),
});
export type ChallengeFilters = Omit<Static<typeof ChallengeListQuery>, 'page' | 'per_page'>;

export const EntryCreateBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ minLength: 1, maxLength: 5000, description: 'Markdown' }),
    url: { ...WebUrl, description: 'Where the entry can be seen (http:// or https://)' },
    team_name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    members: Type.Optional(
      Type.Array(Type.String({ format: 'email', maxLength: 320 }), {
        maxItems: 10,
        uniqueItems: true,
        description: 'Email addresses of people invited to the team',
      }),
    ),
  },
  { additionalProperties: false },
);
export type EntryCreateInput = Static<typeof EntryCreateBody>;

export const EntryPatchBody = Type.Partial(Type.Omit(EntryCreateBody, ['members']), {
  additionalProperties: false,
  minProperties: 1,
  description: 'Only the fields given change (the team is changed by invitations)',
});
export type EntryPatchInput = Static<typeof EntryPatchBody>;

export const CancelBody = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: 5000,
      description: 'Why it is cancelled (Markdown, public on its page and mailed to entrants)',
    }),
  },
  { additionalProperties: false },
);

export const EntryParams = Type.Object({
  slug: Type.String({ maxLength: 200 }),
  id: Type.String({ format: 'uuid' }),
});

export const WinnersBody = Type.Object(
  {
    winners: Type.Array(Type.String({ format: 'uuid' }), {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
    }),
    commended: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20, uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);
export type WinnersInput = Static<typeof WinnersBody>;

export const OutcomeBody = Type.Object(
  { outcome: Type.String({ minLength: 1, maxLength: 20_000, description: 'Markdown' }) },
  { additionalProperties: false },
);
