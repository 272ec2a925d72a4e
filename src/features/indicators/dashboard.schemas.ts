import { Type, type Static } from 'typebox';
import { DateTime, enumOf, Slug, Variant } from '../../platform/http/schemas.js';
import { FieldName } from '../datastore/index.js';

const Title = Type.String({ minLength: 1, maxLength: 200 });

// A chart tile takes the resource chart page's own parameters (type, x, bucket, agg, y, group),
// so any chart drawn on a resource page can be pinned to a dashboard as it is.
const ChartParams = Type.Object(
  {
    type: Type.Optional(enumOf(['bar', 'line', 'scatter', 'area'] as const)),
    x: FieldName,
    bucket: Type.Optional(enumOf(['', 'day', 'week', 'month', 'quarter', 'year'] as const)),
    agg: Type.Optional(enumOf(['count', 'sum', 'avg', 'min', 'max', 'median'] as const)),
    y: Type.Optional(FieldName),
    group: Type.Optional(FieldName),
  },
  { additionalProperties: false },
);

export const Tile = Type.Union([
  Variant('indicator', { indicator: Slug }, 'An indicator: value, change and sparkline'),
  Variant(
    'chart',
    {
      title: Title,
      resource_id: Type.String({ minLength: 1, maxLength: 100 }),
      chart: ChartParams,
    },
    'A chart over a datastore query',
  ),
  Variant('map', { indicator: Slug }, 'A choropleth of an indicator by borough'),
  Variant(
    'text',
    { title: Type.Optional(Title), markdown: Type.String({ maxLength: 10_000 }) },
    'Text in Markdown',
  ),
]);
export type TileInput = Static<typeof Tile>;

const Tiles = Type.Array(Tile, { maxItems: 40 });

export const DashboardCreateBody = Type.Object(
  {
    slug: Slug,
    title: Title,
    description: Type.Optional(Type.String({ maxLength: 10_000, description: 'Markdown' })),
    tiles: Tiles,
  },
  { additionalProperties: false },
);
export type DashboardCreateInput = Static<typeof DashboardCreateBody>;

export const DashboardUpdateBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    tiles: Type.Optional(Tiles),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type DashboardUpdateInput = Static<typeof DashboardUpdateBody>;

/** A dashboard in the list of them. */
export const DashboardItem = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  description: Type.String(),
  url: Type.String(),
  tiles: Type.Integer({ description: 'how many tiles it has' }),
  updated_at: DateTime,
});

const Link = Type.Object({ href: Type.String(), text: Type.String() });

export const DashboardSchema = Type.Object(
  {
    slug: Type.String(),
    title: Type.String(),
    description: Type.String(),
    url: Type.String(),
    updated_at: Type.String(),
    tiles: Type.Array(
      Type.Object({
        kind: Type.String(),
        title: Type.String(),
        definition: Tile,
        image: Type.Union([Type.String(), Type.Null()]),
        data: Type.Union([Link, Type.Null()]),
        indicator: Type.Union([Type.Ref('IndicatorSummary'), Type.Null()]),
      }),
    ),
  },
  { $id: 'Dashboard' },
);
