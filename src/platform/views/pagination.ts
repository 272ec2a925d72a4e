/** The params of GOV.UK Frontend's pagination component (govukPagination). */
export interface PaginationParams {
  previous?: { href: string };
  next?: { href: string };
  items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[];
}

/**
 * Pages 1 and last, the current one and its neighbours, ellipses between; null when everything
 * fits on one page (the component is then left out).
 */
export function paginationFor(
  page: number,
  perPage: number,
  total: number,
  href: (page: number) => string,
): PaginationParams | null {
  const last = Math.max(1, Math.ceil(total / perPage));
  if (last === 1 && page <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, last])]
    .filter((n) => n >= 1 && n <= last)
    .sort((a, b) => a - b);
  const items: PaginationParams['items'] = [];
  let before = 0;
  for (const n of shown) {
    if (n - before > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === page });
    before = n;
  }
  return {
    ...(page > 1 ? { previous: { href: href(Math.min(page - 1, last)) } } : {}),
    ...(page < last ? { next: { href: href(page + 1) } } : {}),
    items,
  };
}

/** "Showing 21 to 40 of 93", or null when there is nothing on this page. */
export function rangeText(page: number, perPage: number, total: number): string | null {
  const from = (page - 1) * perPage + 1;
  if (total === 0 || from > total) return null;
  const to = Math.min(total, page * perPage);
  return `Showing ${from.toLocaleString('en-GB')} to ${to.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
}

/** A listing's title, with the page number after the first page ("Transport (page 2)"). */
export const pagedTitle = (title: string, page: number): string =>
  page > 1 ? `${title} (page ${String(page)})` : title;
