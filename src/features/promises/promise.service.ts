import type { AppContext } from '../../context.js';
import type { PromiseStatus } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import type { Actor } from '../accounts/index.js';
import { allOrganisations } from '../organisations/index.js';
import { themeTitlesBySlug } from '../catalog/index.js';
import { combinedSuggestion, indicatorsOfPromise } from './promise-indicators.js';
import { isStatus } from './promise-status.js';
import {
  countPromisesByStatus,
  findPromiseBySlug,
  listPromiseRows,
  listStatusChanges,
  type PromiseWithOwner,
} from './promise.repository.js';
import type { PromiseFilters } from './promise.schemas.js';
import { promiseSummary, statusChangeView, type ViewContext } from './promise.view.js';
import { currentTerm } from './term.service.js';

const listOf = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

export async function viewContext(ctx: AppContext): Promise<ViewContext> {
  const [themes, term] = await Promise.all([themeTitlesBySlug(ctx), currentTerm(ctx)]);
  return { baseUrl: ctx.config.baseUrl, themes, termStart: term.start, today: term.today };
}

/** A promise by slug, if there is one. */
export const findPromise = (ctx: AppContext, slug: string) =>
  findPromiseBySlug(ctx.db.kysely, slug);

/** A promise by slug, or 404. Promises are public: there are no drafts to hide. */
export async function promiseOrFail(ctx: AppContext, slug: string): Promise<PromiseWithOwner> {
  const row = await findPromiseBySlug(ctx.db.kysely, slug);
  if (!row) throw notFound(`Promise ${slug}`);
  return row;
}

/**
 * The scorecard: the term's day, counts by status over every promise (not the filtered ones, so
 * the headline never changes with a filter), and the promises matching the filters, each with
 * its indicators.
 */
export async function scorecard(ctx: AppContext, actor: Actor, query: PromiseFilters) {
  const statuses = listOf(query.status).filter(isStatus);
  const themes = listOf(query.theme);
  const k = ctx.db.kysely;
  const [rows, counts, term, v] = await Promise.all([
    listPromiseRows(k, { statuses, themes }),
    countPromisesByStatus(k),
    currentTerm(ctx),
    viewContext(ctx),
  ]);
  const indicators = await Promise.all(rows.map((r) => indicatorsOfPromise(ctx, actor, r.id)));
  return {
    term: { start: term.start, day: term.day },
    counts: Object.fromEntries(counts),
    /** Every promise, whatever the filters (the headline). */
    total: [...counts.values()].reduce((a, b) => a + b, 0),
    items: rows.map((r, i) => {
      const own = indicators[i] ?? [];
      return { promise: promiseSummary(r, v, combinedSuggestion(own)), indicators: own };
    }),
  };
}

/** Every promise matching the filters, as the API and the downloads show them. */
export async function listPromises(ctx: AppContext, actor: Actor, query: PromiseFilters) {
  const { items, term, counts } = await scorecard(ctx, actor, query);
  return { term, counts, results: items.map((i) => i.promise) };
}

export async function getPromise(ctx: AppContext, actor: Actor, slug: string) {
  const row = await promiseOrFail(ctx, slug);
  const [changes, indicators, v] = await Promise.all([
    listStatusChanges(ctx.db.kysely, row.id),
    indicatorsOfPromise(ctx, actor, row.id),
    viewContext(ctx),
  ]);
  const suggested: PromiseStatus | null = combinedSuggestion(indicators);
  return {
    ...promiseSummary(row, v, suggested),
    history: changes.map(statusChangeView),
    indicators,
  };
}

/** What the editors' forms choose from: every organisation and every catalogue theme. */
export async function promiseFormOptions(ctx: AppContext) {
  const [orgs, themes] = await Promise.all([allOrganisations(ctx), themeTitlesBySlug(ctx)]);
  return {
    organisations: orgs
      .map((o) => ({ slug: o.slug, name: o.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    themes: [...themes].map(([slug, title]) => ({ slug, title })),
    /** The mayor's office owns most promises, so a new one starts with it. */
    defaultOwner: orgs.find((o) => o.kind === 'combined-authority')?.slug ?? '',
  };
}

/** Where each promise lives and when it last changed (promises are public): for the sitemap. */
export async function promiseLocations(ctx: AppContext) {
  const rows = await listPromiseRows(ctx.db.kysely, { statuses: [], themes: [] });
  return rows.map((r) => ({
    path: `/promises/${encodeURIComponent(r.slug)}`,
    lastmod: r.updated_at,
  }));
}
