import { Type, type Static } from 'typebox';
import { enumOf, ListQuery, Nullable, WebUrl } from '../../platform/http/schemas.js';
import { MAX_DATASETS, SHOWCASE_STATUSES, SHOWCASE_TYPES } from './showcase-types.js';

export const TypeEnum = enumOf(SHOWCASE_TYPES, 'app, story, visualisation or research');
export const StatusEnum = enumOf(
  SHOWCASE_STATUSES,
  'pending (waiting for a site admin), approved (public) or rejected',
);

export const ShowcaseCreateBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ minLength: 1, maxLength: 10_000, description: 'Markdown' }),
    type: TypeEnum,
    link: WebUrl,
    author_name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'The name shown as the author; your account name if not given',
      }),
    ),
    datasets: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      minItems: 1,
      maxItems: MAX_DATASETS,
      description: 'Slugs of the public datasets it uses',
    }),
  },
  { additionalProperties: false },
);
export type ShowcaseCreateInput = Static<typeof ShowcaseCreateBody>;

export const ShowcasePatchBody = Type.Partial(ShowcaseCreateBody, {
  additionalProperties: false,
  minProperties: 1,
  description:
    'Only the fields given change. An author changing a published or rejected showcase sends ' +
    'it back to the moderation queue (pending); a site admin’s change keeps its status.',
});

export const RejectBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Shown to the author' }) },
  { additionalProperties: false },
);

export const ShowcaseListQuery = ListQuery({
  type: Type.Optional(TypeEnum),
  dataset: Type.Optional(Type.String({ maxLength: 200, description: "A dataset's slug" })),
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Words in the title or description' }),
  ),
  status: Type.Optional(StatusEnum),
});

export const ShowcaseSchema = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    title: Type.String(),
    description: Type.String({ description: 'Markdown' }),
    type: TypeEnum,
    type_label: Type.String(),
    link: Type.String(),
    author: Type.Object({ name: Type.String() }),
    status: StatusEnum,
    status_label: Type.String(),
    rejection_reason: Nullable(
      Type.String({ description: 'Why it was rejected (its author and admins see it)' }),
    ),
    image: Nullable(
      Type.Object({
        url: Type.String({ description: 'A JPEG without metadata, at most 1600 px' }),
        width: Type.Integer(),
        height: Type.Integer(),
      }),
    ),
    datasets: Type.Array(
      Type.Object({
        slug: Type.String(),
        title: Type.String(),
        url: Type.String(),
        api_url: Type.String(),
      }),
      { description: 'The public datasets it uses' },
    ),
    url: Type.String({ description: 'The showcase page' }),
    api_url: Type.String(),
    created_at: Type.String(),
    updated_at: Type.String(),
    decided_at: Nullable(Type.String()),
  },
  { description: 'What someone built on the data: an app, a story, a visualisation, research' },
);
