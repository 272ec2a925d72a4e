import { Type, type Static } from 'typebox';
import { Nullable, Slug, Text, WebUrl } from '../../platform/http/schemas.js';

export const OrganisationKind = Type.Union([
  Type.Literal('combined-authority'),
  Type.Literal('council'),
  Type.Literal('transport'),
  Type.Literal('police'),
  Type.Literal('health'),
  Type.Literal('other'),
]);

export const OrganisationCreateBody = Type.Object(
  {
    slug: Slug,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: OrganisationKind,
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    url: Type.Optional(Nullable(WebUrl)),
  },
  { additionalProperties: false },
);
export type OrganisationCreateInput = Static<typeof OrganisationCreateBody>;

// Responses

export const Organisation = Type.Object(
  {
    id: Text,
    slug: Text,
    name: Text,
    kind: Text,
    description: Text,
    url: Nullable(Text),
    area_code: Nullable(Type.String({ description: 'ONS GSS code, e.g. E08000001' })),
    dataset_count: Type.Integer({ description: 'datasets the caller can see' }),
    created_at: Type.String({ format: 'date-time' }),
    links: Type.Object({ self: Text, datasets: Text }),
  },
  { $id: 'Organisation' },
);

export const OrganisationDetail = Type.Object({
  ...Organisation.properties,
  boundary: Type.Union([Type.Null(), Type.Unknown({ description: 'GeoJSON geometry' })]),
});
