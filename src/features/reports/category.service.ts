import type { AppContext } from '../../context.js';
import type { CategoryRoute, ReportCategory, SendMethod } from '../../platform/db/schema.js';
import { notFound, validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { authorise, type Actor } from '../accounts/index.js';
import { locate, type Body, type Located } from '../areas/index.js';
import { allOrganisations, findOrganisation } from '../organisations/index.js';
import type { AttributeDefinition } from './attributes.js';
import {
  deleteRouteRow,
  findCategoryByCode,
  listCategoryRows,
  listRouteRows,
  routesOfOrganisations,
  upsertCategoryRow,
  upsertRouteRow,
} from './category.repository.js';

// What residents can report, and which body answers each category where. A category's code is
// the region's (Open311 `service_code`); each body that answers it has a route saying how its
// reports are sent. Where two bodies at a point answer the same category, the most local one
// (locate lists the smallest area first) gets the report.

export interface Category {
  id: string;
  code: string;
  name: string;
  description: string;
  group: string;
  keywords: string[];
  attributes: AttributeDefinition[];
}

export interface Offer {
  category: Category;
  body: Body & { id: string };
  route: CategoryRoute;
}

export const SEND_METHODS: readonly SendMethod[] = ['email', 'open311', 'webhook'];
const CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function categoryOf(row: ReportCategory): Category {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    group: row.group_name,
    keywords: JSON.parse(row.keywords) as string[],
    attributes: JSON.parse(row.attributes) as AttributeDefinition[],
  };
}

export async function listCategories(ctx: AppContext): Promise<Category[]> {
  return (await listCategoryRows(ctx.db.kysely)).map(categoryOf);
}

export async function getCategory(ctx: AppContext, code: string): Promise<Category> {
  const row = await findCategoryByCode(ctx.db.kysely, code);
  if (!row) throw notFound(`Category ${code}`);
  return categoryOf(row);
}

/** The categories offered at a point, each with the body that answers it there. */
export async function categoriesAt(
  ctx: AppContext,
  point: { lat: number; lon: number },
): Promise<{ located: Located; offers: Offer[] }> {
  const located = await locate(ctx, point);
  const orgs = await allOrganisations(ctx);
  const bySlug = new Map(orgs.map((o) => [o.slug, o] as const));
  const bodies = located.organisations.flatMap((b) => {
    const org = bySlug.get(b.slug);
    return org ? [{ ...b, id: org.id }] : [];
  });
  const [routes, categories] = await Promise.all([
    routesOfOrganisations(
      ctx.db.kysely,
      bodies.map((b) => b.id),
    ),
    listCategories(ctx),
  ]);
  const offers: Offer[] = [];
  for (const category of categories) {
    for (const body of bodies) {
      const route = routes.find(
        (r) => r.category_id === category.id && r.organisation_id === body.id,
      );
      if (route) {
        offers.push({ category, body, route });
        break;
      }
    }
  }
  return { located, offers };
}

export interface CategoryInput {
  code: string;
  name: string;
  description?: string | undefined;
  group?: string | undefined;
  keywords?: string[] | undefined;
  attributes?: AttributeDefinition[] | undefined;
}

/** Adds or changes one of the region's categories (site administrators). */
export async function defineCategory(
  ctx: AppContext,
  actor: Actor,
  input: CategoryInput,
): Promise<Category> {
  authorise(actor, { type: 'category:define' }, 'Only site administrators define categories');
  const errors: FieldError[] = [];
  if (!CODE.test(input.code)) {
    errors.push({ field: 'code', message: 'must be lower-case letters, digits and hyphens' });
  }
  if (!input.name.trim()) errors.push({ field: 'name', message: 'is required' });
  const codes = new Set<string>();
  for (const a of input.attributes ?? []) {
    if (!CODE.test(a.code.replace(/_/g, '-')) || codes.has(a.code)) {
      errors.push({ field: 'attributes', message: `${a.code} is not a unique attribute code` });
    }
    codes.add(a.code);
  }
  if (errors.length > 0) throw validationFailed(errors);
  const existing = await findCategoryByCode(ctx.db.kysely, input.code);
  const at = now();
  const row: ReportCategory = {
    id: existing?.id ?? newId(),
    code: input.code,
    name: input.name.trim(),
    description: (input.description ?? '').trim(),
    group_name: (input.group ?? '').trim(),
    keywords: JSON.stringify(input.keywords ?? []),
    attributes: JSON.stringify(input.attributes ?? []),
    created_at: existing?.created_at ?? at,
    updated_at: at,
  };
  await upsertCategoryRow(ctx.db.kysely, row);
  return categoryOf(row);
}

export interface OfferInput {
  organisation: string;
  category: string;
  sendMethod: string;
  destination: string;
  secret?: string | null | undefined;
  remoteCode?: string | null | undefined;
  jurisdictionId?: string | null | undefined;
}

function checkDestination(method: SendMethod, destination: string): string | null {
  if (method === 'email') return EMAIL.test(destination) ? null : 'must be an e-mail address';
  try {
    const url = new URL(destination);
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'must be an http(s) URL';
  } catch {
    return 'must be an http(s) URL';
  }
}

/** Says that a body answers a category in its area, and how its reports are sent. */
export async function offerCategory(
  ctx: AppContext,
  actor: Actor,
  input: OfferInput,
): Promise<CategoryRoute> {
  const org = await findOrganisation(ctx, input.organisation);
  if (!org) throw notFound(`Organisation ${input.organisation}`);
  authorise(
    actor,
    { type: 'category:manage', organisationId: org.id },
    'Only the organisation’s administrators manage its categories',
  );
  const category = await findCategoryByCode(ctx.db.kysely, input.category);
  if (!category) throw notFound(`Category ${input.category}`);
  const errors: FieldError[] = [];
  const method = input.sendMethod as SendMethod;
  if (!SEND_METHODS.includes(method)) {
    errors.push({ field: 'send_method', message: `must be one of ${SEND_METHODS.join(', ')}` });
  } else {
    const problem = checkDestination(method, input.destination.trim());
    if (problem) errors.push({ field: 'destination', message: problem });
    if (method === 'webhook' && !input.secret) {
      errors.push({ field: 'secret', message: 'is required to sign webhooks' });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  const at = now();
  const row: CategoryRoute = {
    id: newId(),
    category_id: category.id,
    organisation_id: org.id,
    send_method: method,
    destination: input.destination.trim(),
    secret: input.secret ?? null,
    remote_code: input.remoteCode ?? null,
    jurisdiction_id: input.jurisdictionId ?? null,
    created_at: at,
    updated_at: at,
  };
  await upsertRouteRow(ctx.db.kysely, row);
  return row;
}

/** Stops a body answering a category (its existing reports stay with it). */
export async function withdrawOffer(
  ctx: AppContext,
  actor: Actor,
  input: { organisation: string; category: string },
): Promise<void> {
  const org = await findOrganisation(ctx, input.organisation);
  if (!org) throw notFound(`Organisation ${input.organisation}`);
  authorise(
    actor,
    { type: 'category:manage', organisationId: org.id },
    'Only the organisation’s administrators manage its categories',
  );
  const category = await findCategoryByCode(ctx.db.kysely, input.category);
  if (!category || (await deleteRouteRow(ctx.db.kysely, category.id, org.id)) === 0) {
    throw notFound(`Category ${input.category} of ${input.organisation}`);
  }
}

/** Every route, for the sending jobs and the admins' view of how bodies are reached. */
export const allRoutes = (ctx: AppContext) => listRouteRows(ctx.db.kysely);
