import { Type } from 'typebox';
import { DateTime, Nullable, Page, Text } from '../../platform/http/schemas.js';

// Response schemas: they document the API in OpenAPI and let Fastify serialise quickly.
// A field missing here is dropped from responses, so integration tests pin the shapes.

export const OrganisationRef = Type.Object({ slug: Text, name: Text, kind: Text });

export const DatasetSummary = Type.Object(
  {
    id: Text,
    slug: Text,
    title: Text,
    description: Type.String({ description: 'Markdown' }),
    organisation: OrganisationRef,
    licence: Type.Object({ id: Text, title: Text, url: Nullable(Text) }),
    tags: Type.Array(Text),
    themes: Type.Array(Type.Object({ slug: Text, title: Text })),
    formats: Type.Array(Text),
    openness_stars: Nullable(
      Type.Integer({
        minimum: 0,
        maximum: 5,
        description: 'Five-star openness (null until the quality scores have rated it)',
      }),
    ),
    metadata_quality: Nullable(
      Type.Union(
        [
          Type.Literal('excellent'),
          Type.Literal('good'),
          Type.Literal('sufficient'),
          Type.Literal('bad'),
        ],
        { description: "The European data portal's metadata quality rating" },
      ),
    ),
    state: Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('deleted')]),
    visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]),
    update_frequency: Nullable(Text),
    temporal_coverage: Nullable(Type.Object({ start: Nullable(Text), end: Nullable(Text) })),
    spatial_coverage: Nullable(Text),
    contact: Nullable(Type.Object({ name: Nullable(Text), email: Nullable(Text) })),
    source_url: Nullable(Text),
    created_at: Type.String({ format: 'date-time' }),
    modified_at: Type.String({ format: 'date-time' }),
    url: Type.String({ description: 'This dataset in the API' }),
  },
  { $id: 'DatasetSummary' },
);

export const Resource = Type.Object(
  {
    id: Text,
    name: Text,
    description: Text,
    format: Text,
    media_type: Nullable(Text),
    size: Nullable(Type.Integer({ description: 'bytes (files only)' })),
    sha256: Nullable(Text),
    kind: Type.Union([Type.Literal('file'), Type.Literal('link')]),
    url: Nullable(Type.String({ description: 'the link, or where to download the file' })),
    created_at: Type.String({ format: 'date-time' }),
    modified_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'Resource' },
);

const HarvestOrigin = Type.Object(
  {
    source: Type.Object({ id: Text, title: Text, url: Text }),
    identifier: Type.String({ description: 'The dataset’s identifier at the source' }),
    last_harvested_at: Type.String({ format: 'date-time' }),
  },
  { description: 'Where the dataset is harvested from; a harvest overwrites its metadata' },
);

export const DatasetDetail = Type.Object(
  {
    ...DatasetSummary.properties,
    resources: Type.Array(Type.Ref('Resource')),
    harvest: Nullable(HarvestOrigin),
  },
  { $id: 'Dataset' },
);

const FacetValues = Type.Array(Type.Object({ value: Text, label: Text, count: Type.Integer() }));

export const SearchResults = Page(Type.Ref('DatasetSummary'), {
  facets: Type.Object({
    organisation: FacetValues,
    theme: FacetValues,
    tag: FacetValues,
    format: FacetValues,
    licence: FacetValues,
    openness: FacetValues,
    quality: FacetValues,
  }),
});

const Counted = { dataset_count: Type.Integer({ description: 'datasets the caller can see' }) };
export const Theme = Type.Object({ slug: Text, title: Text, description: Text, ...Counted });
export const Tag = Type.Object({ tag: Text, ...Counted });
export const Licence = Type.Object({ id: Text, title: Text, url: Nullable(Text) });

export const ActivityItem = Type.Object({
  id: Type.Integer(),
  action: Text,
  subject: Type.Object({ type: Text, id: Text }),
  actor: Nullable(Type.Object({ name: Text })),
  created_at: DateTime,
  changes: Type.Record(Text, Type.Object({ from: Type.Unknown(), to: Type.Unknown() })),
});
