import { Type, type Static } from 'typebox';
import { EVIDENCE_KINDS, SOURCE_KINDS, STATUS_VALUES } from './promise-status.js';
import {
  enumOf,
  IsoDate,
  ListQuery,
  Nullable,
  Slug,
  Variant,
} from '../../platform/http/schemas.js';
// A web address or a path on this site; never javascript: or data: (links are shown on pages).
const Link = Type.String({
  pattern: '^(https?://[^\\s]+|/(?![/\\\\])[^\\s]*)$',
  maxLength: 2000,
  description: 'https://... or a path on this site (/datasets/...)',
});

export const StatusEnum = enumOf(STATUS_VALUES);

export const SourceBody = Type.Object(
  {
    kind: enumOf(SOURCE_KINDS),
    url: Nullable(Link),
    date: Nullable(IsoDate),
  },
  { additionalProperties: false },
);

export const DeadlineBody = Type.Union([
  Variant('date', { date: IsoDate }, 'By a date'),
  Variant(
    'days',
    { days: Type.Integer({ minimum: 1, maximum: 3650 }) },
    'Within N days of taking office',
  ),
  Variant('none', {}),
]);
export type DeadlineInput = Static<typeof DeadlineBody>;

const PromiseFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  quote: Type.String({ minLength: 1, maxLength: 5000, description: 'The words promised' }),
  source: SourceBody,
  made_by: Type.String({ minLength: 1, maxLength: 200 }),
  theme: Slug,
  deadline: DeadlineBody,
  owner: Slug,
};

export const PromiseCreateBody = Type.Object(
  { ...PromiseFields, slug: Type.Optional(Slug) },
  { additionalProperties: false },
);
export type PromiseCreateInput = Static<typeof PromiseCreateBody>;

export const PromisePatchBody = Type.Partial(Type.Object(PromiseFields), {
  additionalProperties: false,
});
export type PromisePatchInput = Static<typeof PromisePatchBody>;

export const EvidenceItem = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    url: Link,
    kind: enumOf(EVIDENCE_KINDS),
  },
  { additionalProperties: false },
);

export const StatusChangeBody = Type.Object(
  {
    status: StatusEnum,
    rationale: Type.String({ minLength: 1, maxLength: 20_000, description: 'Markdown' }),
    evidence: Type.Optional(Type.Array(EvidenceItem, { maxItems: 20 })),
    date: Type.Optional(
      Type.String({ format: 'date', description: 'When it changed; today if not given' }),
    ),
  },
  { additionalProperties: false },
);
export type StatusChangeInput = Static<typeof StatusChangeBody>;

const OneOrMany = Type.Union([
  Type.String({ maxLength: 100 }),
  Type.Array(Type.String({ maxLength: 100 }), { maxItems: 10 }),
]);

// A status the scale does not have is a 400 naming those it has, not an empty filter (which
// returned every promise). Query strings are coerced, so one value arrives as a list of one.
const filters = {
  status: Type.Optional(Type.Array(StatusEnum, { maxItems: 10 })),
  theme: Type.Optional(OneOrMany),
};
export const PromiseFiltersQuery = Type.Object(filters, { additionalProperties: false });
export type PromiseFilters = Static<typeof PromiseFiltersQuery>;
export const PromiseListQuery = ListQuery(filters);
