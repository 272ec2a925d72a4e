import { Type } from 'typebox';
import { DateTime, Nullable, Text } from '../../platform/http/schemas.js';
import { ResourceSchema } from '../catalog/index.js';
import { FIELD_TYPES } from './field.js';

// Response schemas of the datastore API: they document it in OpenAPI and the integration tests
// check every response against them. Values of a file's own columns are left open (unknown).

const FieldType = Type.Unsafe<string>({ type: 'string', enum: [...FIELD_TYPES] });
const Value = Type.Unknown({ description: 'a value of the column: text, number, boolean or null' });

const FieldSchema = Type.Object({
  name: Text,
  type: FieldType,
  source_name: Type.Optional(Type.String({ description: 'the name in the file, when changed' })),
  format: Type.Optional(Type.String({ description: 'how text was read, e.g. uk-date, percent' })),
  geometry: Type.Optional(Type.Boolean({ description: 'the column holds GeoJSON geometries' })),
  stats: Type.Optional(
    Type.Object({
      nulls: Type.Integer(),
      min: Value,
      max: Value,
      distinct: Type.Integer({
        description: 'exact for a column of few values (at most 100,000), else an estimate',
      }),
      samples: Type.Array(Value),
    }),
  ),
});

const Geometry = Nullable(
  Type.Unknown({ description: 'how rows are placed on a map: a GeoJSON column or lat/lon' }),
);

export const LoadSchema = Type.Object({
  id: Text,
  status: Type.Unsafe<string>({
    type: 'string',
    enum: ['queued', 'running', 'succeeded', 'failed'],
  }),
  version: Nullable(Type.Integer({ description: 'the version it made, once succeeded' })),
  error: Nullable(Text),
  report: Nullable(
    Type.Unknown({ description: 'the ingest report: rows, fields with types, warnings' }),
  ),
  created_at: DateTime,
  started_at: Nullable(DateTime),
  finished_at: Nullable(DateTime),
});

export const VersionSchema = Type.Object({
  version: Type.Integer(),
  rows: Type.Integer(),
  size: Type.Integer({ description: 'bytes of its Parquet file' }),
  created_at: DateTime,
  load_id: Nullable(Text),
});

export const DatastoreResourceSchema = Type.Object({
  ...ResourceSchema.properties,
  dataset: Type.Object({ slug: Text, title: Text }),
  datastore: Type.Object({
    loadable: Type.Boolean({ description: 'a tabular or geographic file the datastore reads' }),
    version: Nullable(Type.Integer()),
    rows: Nullable(Type.Integer()),
    fields: Type.Array(FieldSchema),
    geometry: Geometry,
    versions: Type.Array(VersionSchema),
    latest_load: Nullable(LoadSchema),
    query_url: Text,
  }),
});

export const QueryResultSchema = Type.Object({
  fields: Type.Array(Type.Object({ name: Text, type: FieldType })),
  records: Type.Array(Type.Record(Type.String(), Value)),
  total: Type.Integer({ description: 'rows matching, or groups when aggregating' }),
  next_cursor: Nullable(Type.String({ description: 'pass as `cursor` for the next page' })),
  version: Type.Integer(),
  geometry: Geometry,
});

export const FeatureCollectionSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Value,
      geometry: Type.Unknown({ description: 'GeoJSON geometry, or null' }),
      properties: Type.Record(Type.String(), Value),
    }),
  ),
  total: Type.Integer(),
  next_cursor: Nullable(Text),
});

export const ReplacedSchema = Type.Object({
  resource: Type.Ref('Resource'),
  load: Nullable(LoadSchema),
});
