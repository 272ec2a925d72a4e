import { Type, type Static } from 'typebox';
import { enumOf, ListQuery, Nullable, Page } from '../../platform/http/schemas.js';
import { BodyRef } from './report.responses.js';

// The categories API: the region's categories, and which body answers each and how.

const DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

export const AttributeSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 63 }),
    variable: Type.Boolean({ description: 'false: text shown to the reporter, not a question' }),
    datatype: enumOf(DATATYPES),
    required: Type.Boolean(),
    datatype_description: Type.String({ maxLength: 500 }),
    order: Type.Integer(),
    description: Type.String({ maxLength: 2000 }),
    values: Type.Optional(
      Type.Array(
        Type.Object(
          { key: Type.String({ maxLength: 100 }), name: Type.String({ maxLength: 200 }) },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
  },
  { additionalProperties: false, description: 'An Open311 attribute: a question of the category' },
);

export const CategoryCodeParams = Type.Object({ code: Type.String({ maxLength: 100 }) });
export const BodyCategoryParams = Type.Object({
  slug: Type.String({ maxLength: 200 }),
  code: Type.String({ maxLength: 100 }),
});

export const CategoryListQuery = ListQuery({
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'With lon' })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'With lat' })),
});

export const CategoryPutBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    group: Type.Optional(Type.String({ maxLength: 200 })),
    keywords: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
    attributes: Type.Optional(Type.Array(AttributeSchema, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type CategoryPutInput = Static<typeof CategoryPutBody>;

export const OfferPutBody = Type.Object(
  {
    send_method: enumOf(['email', 'open311', 'webhook'] as const),
    destination: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'An e-mail address, or the Open311 base URL or webhook URL',
    }),
    secret: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 500,
          description: 'Open311 api_key or the webhook signing key; write-only',
        }),
      ),
    ),
    remote_code: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    jurisdiction_id: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type OfferPutInput = Static<typeof OfferPutBody>;

const categoryFields = {
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  group: Type.String(),
  keywords: Type.Array(Type.String()),
  attributes: Type.Array(AttributeSchema),
  bodies: Type.Array(BodyRef, {
    description: 'The bodies answering it (with lat and lon: the one answering there)',
  }),
};

export const CategorySchema = Type.Object(categoryFields, {
  description: 'Something residents can report (Open311 service)',
});
export const CategoryList = Page(CategorySchema);

const RouteSchema = Type.Object(
  {
    send_method: Type.String(),
    destination: Type.String(),
    remote_code: Nullable(Type.String()),
    jurisdiction_id: Nullable(Type.String()),
    has_secret: Type.Boolean({ description: 'A secret is set (it is never shown)' }),
  },
  { description: 'How reports reach the body' },
);

export const BodyCategorySchema = Type.Object(
  {
    ...categoryFields,
    route: Nullable(RouteSchema),
  },
  { description: 'A category a body answers; route only for the body’s administrators' },
);
export const BodyCategoryList = Page(BodyCategorySchema);
