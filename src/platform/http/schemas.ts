import { Type, type TObject, type TProperties, type TSchema, type TUnsafe } from 'typebox';

import { MAX_PER_PAGE } from '../paging.js';

// Schema pieces every feature's API uses: one definition of a slug, a page of a list, a null.

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Text = Type.String();
export const DateTime = Type.String({ format: 'date-time' });
export const IsoDate = Type.String({ format: 'date' });

/**
 * A web address people will follow from a page: http:// or https:// (any case), nothing before
 * it, so never javascript:, data: or vbscript: however it is spelt or padded.
 */
export const WebUrl = Type.String({
  format: 'uri',
  pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$',
  maxLength: 2000,
  description: 'An http:// or https:// address',
});

/** One of these strings, as a plain JSON Schema `enum` (not a union of literals). */
export const enumOf = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({
    type: 'string',
    enum: [...values],
    ...(description === undefined ? {} : { description }),
  });

/** One kind of a union told apart by `kind` (a dashboard's tile, a promise's deadline). */
export const Variant = <K extends string, P extends TProperties>(
  kind: K,
  properties: P,
  description?: string,
) =>
  Type.Object(
    { kind: Type.Literal(kind), ...properties },
    { additionalProperties: false, ...(description === undefined ? {} : { description }) },
  );

export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
export const Slug = Type.String({ pattern: SLUG_PATTERN, minLength: 2, maxLength: 100 });

export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** `page` (from 1) and `per_page` (default 20, at most 1000): every list of the API takes them. */
export const PageParams = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'from 1' })),
  per_page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_PER_PAGE, description: 'default 20' }),
  ),
};

/** A list's query: its own filters plus `page` and `per_page`; unknown parameters are errors. */
export const ListQuery = <P extends TProperties>(filters: P = {} as P) =>
  Type.Object({ ...filters, ...PageParams }, { additionalProperties: false });

/** `{ total, page, per_page, results }`: the one shape of a page of any list. */
export const Page = <E extends TProperties = TProperties>(
  item: TSchema,
  extra: E = {} as E,
): TObject =>
  Type.Object({
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    per_page: Type.Integer({ minimum: 1 }),
    results: Type.Array(item),
    ...extra,
  });

/** A response that is a file (a download, an export), in these media types. */
export const FileResponse = (description: string, mediaTypes: string[]): TUnsafe =>
  Type.Unsafe({
    description,
    content: Object.fromEntries(
      mediaTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });

/** 204: done, nothing to say. */
export const NoContent = Type.Null({ description: 'Done; no body' });
