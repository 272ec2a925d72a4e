import { Type, type Static } from 'typebox';
import { SLUG_PATTERN } from '../../platform/http/schemas.js';

const Slug = Type.String({ pattern: SLUG_PATTERN, minLength: 2, maxLength: 100 });
const Title = Type.String({ minLength: 1, maxLength: 200 });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const enumOf = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

// A chart tile takes the resource chart page's own parameters (type, x, bucket, agg, y, group),
// so any chart drawn on a resource page can be pinned to a dashboard as it is.
const ChartParams = Type.Object(
  {
    type: Type.Optional(enumOf(['bar', 'line', 'scatter', 'area'] as const)),
    x: Name,
    bucket: Type.Optional(enumOf(['', 'day', 'week', 'month', 'quarter', 'year'] as const)),
    agg: Type.Optional(enumOf(['count', 'sum', 'avg', 'min', 'max', 'median'] as const)),
    y: Type.Optional(Name),
    group: Type.Optional(Name),
  },
  { additionalProperties: false },
);

export const Tile = Type.Union([
  Type.Object(
    { kind: Type.Literal('indicator'), indicator: Slug },
    { additionalProperties: false, description: 'An indicator: value, change and sparkline' },
  ),
  Type.Object(
    {
      kind: Type.Literal('chart'),
      title: Title,
      resource_id: Type.String({ minLength: 1, maxLength: 100 }),
      chart: ChartParams,
    },
    { additionalProperties: false, description: 'A chart over a datastore query' },
  ),
  Type.Object(
    { kind: Type.Literal('map'), indicator: Slug },
    { additionalProperties: false, description: 'A choropleth of an indicator by borough' },
  ),
  Type.Object(
    {
      kind: Type.Literal('text'),
      title: Type.Optional(Title),
      markdown: Type.String({ maxLength: 10_000 }),
    },
    { additionalProperties: false, description: 'Text in Markdown' },
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
