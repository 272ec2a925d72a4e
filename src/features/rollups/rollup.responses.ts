import { Type } from 'typebox';
import { DateTime, enumOf, Nullable, Page } from '../../platform/http/schemas.js';
import { MAX_FIELDS, SCHEMA_TYPES } from './table-schema.js';

// What the roll-ups API takes and answers (snake_case, as the contract has it).

const EnumValue = Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean()]);

export const SchemaFieldBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: enumOf(SCHEMA_TYPES),
    format: Type.Optional(Type.String({ maxLength: 100 })),
    title: Type.Optional(Type.String({ maxLength: 500 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    constraints: Type.Optional(
      Type.Object(
        {
          required: Type.Optional(Type.Boolean()),
          enum: Type.Optional(Type.Array(EnumValue, { maxItems: 1000 })),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: true },
);

export const TableSchemaBody = Type.Object(
  { fields: Type.Array(SchemaFieldBody, { minItems: 1, maxItems: MAX_FIELDS }) },
  {
    additionalProperties: true,
    description: 'A Frictionless Table Schema: fields with name, type, format and constraints',
  },
);

export const RollupBody = Type.Object(
  {
    slug: Type.Optional(
      Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', minLength: 2, maxLength: 100 }),
    ),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    organisation: Type.String({ maxLength: 200, description: 'The combined authority’s slug' }),
    schema: TableSchemaBody,
    themes: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), {
        maxItems: 20,
        description: 'The output dataset’s themes (slugs)',
      }),
    ),
    contact: Type.Optional(
      Type.Object(
        {
          name: Nullable(Type.String({ maxLength: 200 })),
          email: Nullable(Type.String({ format: 'email', maxLength: 200 })),
        },
        { additionalProperties: false, description: 'The output dataset’s contact' },
      ),
    ),
    expected_organisations: Type.Optional(
      Type.Array(Type.String({ maxLength: 200 }), {
        maxItems: 200,
        description: 'Slugs of the organisations expected to contribute; default: every council',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RollupPatch = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    schema: Type.Optional(TableSchemaBody),
    expected_organisations: Type.Optional(
      Type.Array(Type.String({ maxLength: 200 }), {
        maxItems: 200,
        description: 'Slugs of the organisations expected to contribute: the whole list',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const RollupDeleteQuery = Type.Object(
  {
    withdraw_dataset: Type.Optional(
      Type.Boolean({
        description:
          'Also withdraw (soft-delete) the combined dataset; by default it stays, as last ' +
          'built, no longer rebuilt',
      }),
    ),
  },
  { additionalProperties: false },
);

export const MemberBody = Type.Object(
  { resource_id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const MemberParams = Type.Object({
  slug: Type.String({ maxLength: 200 }),
  resource_id: Type.String({ format: 'uuid' }),
});

const Issue = Type.Object({
  severity: enumOf(['error', 'warning'] as const),
  kind: Type.String({ description: 'missing_field, wrong_type, bad_date, not_in_enum …' }),
  field: Nullable(Type.String()),
  count: Type.Integer({ minimum: 0 }),
  message: Type.String(),
  examples: Type.Array(
    Type.Object({
      row: Type.Integer({ minimum: 1, description: 'From 1: the row after a CSV header is 1' }),
      value: Nullable(Type.String()),
    }),
  ),
});

export const Report = Type.Object({
  status: enumOf(['pass', 'warn', 'fail'] as const),
  version: Nullable(Type.Integer()),
  rows: Type.Integer({ minimum: 0 }),
  issues: Type.Array(Issue),
});

const Organisation = Type.Object({ slug: Type.String(), name: Type.String() });

export const MemberView = Type.Object({
  resource_id: Type.String(),
  resource_name: Type.String(),
  dataset: Type.String({ description: 'The member dataset’s slug' }),
  organisation: Organisation,
  status: enumOf(['pending', 'pass', 'warn', 'fail'] as const),
  included: Type.Boolean({ description: 'Its rows are in the latest combined table' }),
  checked_version: Nullable(Type.Integer()),
  checked_at: Nullable(DateTime),
  report: Nullable(Report),
});

const RollupFields = {
  slug: Type.String(),
  title: Type.String(),
  description: Type.String(),
  organisation: Organisation,
  dataset: Type.String({ description: 'The slug of the dataset holding the combined table' }),
  resource_id: Nullable(Type.String({ description: 'The combined table; null until built' })),
  built_at: Nullable(DateTime),
  built_version: Nullable(Type.Integer()),
  built_rows: Nullable(Type.Integer()),
  build_error: Nullable(Type.String({ description: 'Why the last rebuild made no version' })),
  created_at: DateTime,
  updated_at: DateTime,
};

export const RollupSummary = Type.Object({
  ...RollupFields,
  counts: Type.Object({
    members: Type.Integer({ minimum: 0 }),
    included: Type.Integer({ minimum: 0 }),
    failing: Type.Integer({ minimum: 0 }),
    missing: Type.Integer({ minimum: 0 }),
  }),
});

export const RollupView = Type.Object({
  ...RollupFields,
  schema: TableSchemaBody,
  members: Type.Array(MemberView),
  missing: Type.Array(Organisation, {
    description: 'Organisations expected to contribute that have no member',
  }),
});

export const RollupPage = Page(RollupSummary);

export const RebuildRequested = Type.Object({
  queued: Type.Boolean({ description: 'false: a rebuild was already waiting' }),
});
