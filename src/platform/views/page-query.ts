import { Type, type Static } from 'typebox';

/** The one parameter of a listing page that pages. */
export const PageQuery = Type.Object(
  { page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) },
  { additionalProperties: false },
);
export type PageQueryInput = Static<typeof PageQuery>;

export const SlugParam = Type.Object({ slug: Type.String({ maxLength: 200 }) });
export type SlugParamInput = Static<typeof SlugParam>;

export const PER_PAGE = 20;

/** The route of a page about one thing, named by its slug (`/promises/{slug}/edit`). */
export interface SlugRoute {
  Params: SlugParamInput;
}

/** A page of a thing and what it holds, a page at a time (`/themes/{slug}?page=2`). */
export interface SlugPageRoute extends SlugRoute {
  Querystring: PageQueryInput;
}
export const slugPageSchema = { hide: true, params: SlugParam, querystring: PageQuery };
