import { Type, type Static } from 'typebox';
import {
  enumOf,
  IsoDate,
  Nullable,
  PageParams,
  Slug,
  WebUrl,
} from '../../platform/http/schemas.js';

export const FREQUENCIES = [
  'continual',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'biannual',
  'annual',
  'irregular',
  'never',
] as const;

const DatasetFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 50_000, description: 'Markdown' }),
  organisation: Slug,
  licence: Type.String({ minLength: 1, maxLength: 50 }),
  tags: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 30 }),
  themes: Type.Array(Slug, { maxItems: 10 }),
  state: Type.Union([Type.Literal('draft'), Type.Literal('active')]),
  visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]),
  update_frequency: Nullable(
    Type.Unsafe<(typeof FREQUENCIES)[number]>({ type: 'string', enum: [...FREQUENCIES] }),
  ),
  temporal_coverage: Nullable(
    Type.Object(
      { start: Nullable(IsoDate), end: Nullable(IsoDate) },
      { additionalProperties: false },
    ),
  ),
  spatial_coverage: Nullable(Type.String({ maxLength: 200 })),
  contact: Nullable(
    Type.Object(
      {
        name: Nullable(Type.String({ maxLength: 200 })),
        email: Nullable(Type.String({ format: 'email', maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
  ),
  source_url: Nullable(WebUrl),
};

export const DatasetCreateBody = Type.Object(
  {
    ...Type.Partial(Type.Object(DatasetFields)).properties,
    title: DatasetFields.title,
    organisation: DatasetFields.organisation,
    slug: Type.Optional(Slug),
  },
  { additionalProperties: false },
);
export type DatasetCreateInput = Static<typeof DatasetCreateBody>;

export const DatasetPatchBody = Type.Partial(Type.Object(DatasetFields), {
  additionalProperties: false,
});
export type DatasetPatchInput = Static<typeof DatasetPatchBody>;

const StringOrList = Type.Union([
  Type.String({ maxLength: 200 }),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 }),
]);

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 500 })),
    organisation: Type.Optional(StringOrList),
    theme: Type.Optional(StringOrList),
    tag: Type.Optional(StringOrList),
    // Formats are file formats (CSV, xlsx, GeoJSON): letters, digits and . + -.
    format: Type.Optional(
      Type.Array(Type.String({ maxLength: 20, pattern: '^[A-Za-z0-9.+-]+$' }), { maxItems: 20 }),
    ),
    licence: Type.Optional(StringOrList),
    // Openness stars, 0 to 5; the MQA's metadata quality bands.
    openness: Type.Optional(Type.Array(Type.String({ pattern: '^[0-5]$' }), { maxItems: 6 })),
    quality: Type.Optional(
      Type.Array(Type.String({ pattern: '^(excellent|good|sufficient|bad)$' }), { maxItems: 4 }),
    ),
    sort: Type.Optional(enumOf(['relevance', 'modified', 'title'] as const)),
    ...PageParams,
  },
  { additionalProperties: false },
);
export type SearchQueryInput = Static<typeof SearchQuery>;

export const ResourceLinkBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    url: WebUrl,
    format: Type.Optional(
      Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9.+-]+$' }),
    ),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);
export type ResourceLinkInput = Static<typeof ResourceLinkBody>;
