import { Type } from 'typebox';
import { Text } from '../../platform/http/schemas.js';

// The SQL endpoint's requests and answers (docs/api.md, "SQL").

export const SQL_FORMATS = ['json', 'csv', 'ndjson'] as const;
export type SqlFormat = (typeof SQL_FORMATS)[number];

const Format = Type.Optional(
  Type.Unsafe<SqlFormat>({
    type: 'string',
    enum: [...SQL_FORMATS],
    description: 'json (default); csv or ndjson are streamed',
  }),
);

export const SqlQueryString = Type.Object(
  {
    q: Type.String({ description: 'One SELECT statement' }),
    format: Format,
  },
  { additionalProperties: false },
);

export const SqlFormatQuery = Type.Object({ format: Format }, { additionalProperties: false });

const ParamValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const SqlBody = Type.Object(
  {
    sql: Type.String({ description: 'One SELECT statement; $name for a parameter' }),
    params: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Za-z0-9_]+$' }), ParamValue, {
        description: 'Values of the statement’s $name parameters, by name',
      }),
    ),
  },
  { additionalProperties: false },
);

export const SqlResult = Type.Object(
  {
    fields: Type.Array(
      Type.Object({
        name: Text,
        type: Type.String({ description: 'DuckDB’s type, e.g. BIGINT, VARCHAR, DATE' }),
      }),
    ),
    records: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    truncated: Type.Boolean({ description: 'More rows than SQL_MAX_ROWS: the rest were left off' }),
    elapsed_ms: Type.Integer(),
  },
  { description: 'The rows; as CSV or NDJSON with format=csv or ndjson' },
);
