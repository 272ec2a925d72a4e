import type { AppContext } from '../../context.js';
import type { Report, ReportStatus } from '../../platform/db/schema.js';
import { forbidden, invalidParameter } from '../../platform/errors.js';
import { can, type Actor } from '../accounts/index.js';
import { allOrganisations } from '../organisations/index.js';
import { listCategories, type Category } from './category.service.js';
import { isOpenStatus, isStatus, STATUSES } from './report-status.js';
import { listReportRows, type ReportFilter } from './report.repository.js';
import { wardsOfReports } from './report-queue.repository.js';

// A body's queue of reports: what its staff (any member) see to deal with, newest first, hidden
// ones included. Site administrators see every body's, or choose one.

/** Open and untouched this long: the queue's "needs attention". */
export const ATTENTION_DAYS = 7;
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface QueueFilters {
  /** A body's slug; default every body the person handles. */
  organisation?: string | undefined;
  /** Statuses, or a group of them: `open` or `closed`. */
  status?: readonly string[] | undefined;
  category?: string | undefined;
  ward?: string | undefined;
  /** Reported on or after / on or before these days (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
  /** Open and not updated for ATTENTION_DAYS days. */
  attention?: boolean | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
}

export interface QueueBody {
  id: string;
  slug: string;
  name: string;
}

/** The bodies whose reports this person handles (every body for site administrators). */
export async function handledBodies(ctx: AppContext, actor: Actor): Promise<QueueBody[]> {
  const orgs = await allOrganisations(ctx);
  return orgs
    .filter((o) => can(actor, { type: 'report:handle', organisationId: o.id }))
    .map((o) => ({ id: o.id, slug: o.slug, name: o.name }));
}

function statusesOf(values: readonly string[]): ReportStatus[] | undefined {
  const out = new Set<ReportStatus>();
  for (const value of values) {
    if (value === 'open') STATUSES.filter(isOpenStatus).forEach((s) => out.add(s));
    else if (value === 'closed')
      STATUSES.filter((s) => !isOpenStatus(s)).forEach((s) => out.add(s));
    else if (isStatus(value)) out.add(value);
    else {
      throw invalidParameter(
        'status',
        `status must be open, closed or one of ${STATUSES.join(', ')}`,
      );
    }
  }
  return out.size > 0 ? [...out] : undefined;
}

function dayParam(name: string, value: string | undefined, plusDays = 0): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(time)) {
    throw invalidParameter(name, `${name} must be a date, like 2026-03-31`);
  }
  return new Date(time + plusDays * DAY_MS).toISOString();
}

export interface QueueItem {
  report: Report;
  category: Category | null;
  body: QueueBody | null;
}

export interface Queue {
  bodies: QueueBody[];
  /** The body chosen, or null for all the person handles. */
  body: QueueBody | null;
  categories: Category[];
  wards: { code: string; name: string }[];
  total: number;
  page: number;
  perPage: number;
  items: QueueItem[];
}

/** The filter the queue's page, map and list share. */
export async function queueFilter(
  ctx: AppContext,
  actor: Actor,
  f: QueueFilters,
): Promise<{ filter: ReportFilter; bodies: QueueBody[]; body: QueueBody | null }> {
  const bodies = await handledBodies(ctx, actor);
  if (bodies.length === 0) {
    throw forbidden('Only the staff of a body that answers reports see a report queue');
  }
  let body: QueueBody | null = null;
  if (f.organisation) {
    body = bodies.find((b) => b.slug === f.organisation) ?? null;
    if (!body) throw forbidden(`You do not handle the reports of ${f.organisation}`);
  }
  const categories = f.category ? await listCategories(ctx) : [];
  const category = f.category ? categories.find((c) => c.code === f.category) : undefined;
  if (f.category && !category) throw invalidParameter('category', `No category ${f.category}`);
  let statuses = statusesOf(f.status ?? []);
  let updatedBefore: string | undefined;
  if (f.attention) {
    const open = STATUSES.filter(isOpenStatus);
    statuses = statuses ? statuses.filter((s) => open.includes(s)) : open;
    updatedBefore = new Date(Date.now() - ATTENTION_DAYS * DAY_MS).toISOString();
  }
  const filter: ReportFilter = {
    states: ['confirmed', 'hidden'],
    organisationIds: body
      ? [body.id]
      : actor.user?.isSiteAdmin
        ? undefined
        : bodies.map((b) => b.id),
    categoryIds: category ? [category.id] : undefined,
    statuses,
    wardCodes: f.ward ? [f.ward] : undefined,
    from: dayParam('from', f.from),
    to: dayParam('to', f.to, 1),
    updatedBefore,
  };
  return { filter, bodies, body };
}

/** A page of the queue, newest first, with what its filters offer. */
export async function listQueue(ctx: AppContext, actor: Actor, f: QueueFilters): Promise<Queue> {
  const { filter, bodies, body } = await queueFilter(ctx, actor, f);
  const page = f.page ?? 1;
  const perPage = f.perPage ?? 25;
  const [categories, wards, found] = await Promise.all([
    listCategories(ctx),
    wardsOfReports(ctx.db.kysely, filter.organisationIds ?? null),
    listReportRows(ctx.db.kysely, filter, {
      limit: perPage,
      offset: (page - 1) * perPage,
      order: 'newest',
    }),
  ]);
  const allBodies = await allBodiesOf(ctx);
  return {
    bodies,
    body,
    categories,
    wards: wards.map((w) => ({ code: w.ward_code ?? '', name: w.ward_name ?? w.ward_code ?? '' })),
    total: found.total,
    page,
    perPage,
    items: found.rows.map((report) => ({
      report,
      category: categories.find((c) => c.id === report.category_id) ?? null,
      body: allBodies.find((b) => b.id === report.organisation_id) ?? null,
    })),
  };
}

async function allBodiesOf(ctx: AppContext): Promise<QueueBody[]> {
  return (await allOrganisations(ctx)).map((o) => ({ id: o.id, slug: o.slug, name: o.name }));
}

/** The reports of the queue for its map: up to `limit` of them, newest first. */
export async function queueMapReports(
  ctx: AppContext,
  actor: Actor,
  f: QueueFilters,
  limit: number,
): Promise<{ total: number; rows: Report[]; categories: Category[] }> {
  const { filter } = await queueFilter(ctx, actor, f);
  const [found, categories] = await Promise.all([
    listReportRows(ctx.db.kysely, filter, { limit, offset: 0, order: 'newest' }),
    listCategories(ctx),
  ]);
  return { ...found, categories };
}
