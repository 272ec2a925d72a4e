// Paging a list: every list of the API takes `page` (from 1) and `per_page`, and answers
// `{ total, page, per_page, results }`. Plain values, so services page without knowing HTTP.

export const MAX_PER_PAGE = 1000;
export const DEFAULT_PER_PAGE = 20;

export interface PageInput {
  page?: number | undefined;
  per_page?: number | undefined;
}

/** The page a list request asks for, with the defaults applied. */
export function pageOf(input: PageInput): { page: number; per_page: number } {
  return { page: input.page ?? 1, per_page: input.per_page ?? DEFAULT_PER_PAGE };
}

/** A page of an in-memory list (lists short enough to read whole: themes, tokens, promises). */
export function pageFrom<T>(all: readonly T[], input: PageInput) {
  const { page, per_page } = pageOf(input);
  const start = (page - 1) * per_page;
  return { total: all.length, page, per_page, results: all.slice(start, start + per_page) };
}
