import type { AppContext } from '../../context.js';
import type { CategoryRoute } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { can, type Actor } from '../accounts/index.js';
import { findOrganisation } from '../organisations/index.js';
import { categoriesAt, categoryOf, listCategories, type Category } from './category.service.js';
import {
  findCategoryByCode,
  findRoute,
  listRouteRows,
  routesOfOrganisations,
} from './category.repository.js';
import { bodyLookup, type BodyRef } from './report.view.js';

// Categories as the API shows them: public (which body answers what, where) without how reports
// reach a body; that (method, destination, whether a secret is set) only for the body's admins.
// A route's secret is never shown to anyone.

export interface PublicCategory {
  code: string;
  name: string;
  description: string;
  group: string;
  keywords: string[];
  attributes: Category['attributes'];
  /** The bodies answering it: anywhere, or the one answering at the point asked about. */
  bodies: BodyRef[];
}

export interface RouteView {
  send_method: CategoryRoute['send_method'];
  destination: string;
  remote_code: string | null;
  jurisdiction_id: string | null;
  has_secret: boolean;
}

const categoryView = (c: Category, bodies: BodyRef[]): PublicCategory => ({
  code: c.code,
  name: c.name,
  description: c.description,
  group: c.group,
  keywords: c.keywords,
  attributes: c.attributes,
  bodies,
});

export const routeView = (r: CategoryRoute): RouteView => ({
  send_method: r.send_method,
  destination: r.destination,
  remote_code: r.remote_code,
  jurisdiction_id: r.jurisdiction_id,
  has_secret: r.secret !== null && r.secret !== '',
});

/** Every category with the bodies answering it, or those offered at a point with its body. */
export async function publicCategories(
  ctx: AppContext,
  point?: { lat: number; lon: number },
): Promise<PublicCategory[]> {
  if (point) {
    const { offers } = await categoriesAt(ctx, point);
    return offers.map((o) => categoryView(o.category, [{ slug: o.body.slug, name: o.body.name }]));
  }
  const [categories, routes, bodies] = await Promise.all([
    listCategories(ctx),
    listRouteRows(ctx.db.kysely),
    bodyLookup(ctx),
  ]);
  return categories.map((c) =>
    categoryView(
      c,
      routes
        .filter((r) => r.category_id === c.id)
        .flatMap((r) => {
          const body = bodies.get(r.organisation_id);
          return body ? [body] : [];
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    ),
  );
}

export async function publicCategory(ctx: AppContext, code: string): Promise<PublicCategory> {
  const found = (await publicCategories(ctx)).find((c) => c.code === code);
  if (!found) throw notFound(`Category ${code}`);
  return found;
}

export interface BodyCategory extends PublicCategory {
  /** How reports reach the body: its admins (and site admins) only, else null. */
  route: RouteView | null;
}

async function bodyOrFail(ctx: AppContext, slug: string) {
  const org = await findOrganisation(ctx, slug);
  if (!org) throw notFound(`Organisation ${slug}`);
  return org;
}

/** The categories a body answers; its admins see how each is sent. */
export async function bodyCategories(
  ctx: AppContext,
  actor: Actor,
  slug: string,
): Promise<BodyCategory[]> {
  const org = await bodyOrFail(ctx, slug);
  const manager = can(actor, { type: 'category:manage', organisationId: org.id });
  const [routes, categories] = await Promise.all([
    routesOfOrganisations(ctx.db.kysely, [org.id]),
    listCategories(ctx),
  ]);
  const body = { slug: org.slug, name: org.name };
  return categories.flatMap((c) => {
    const route = routes.find((r) => r.category_id === c.id);
    return route ? [{ ...categoryView(c, [body]), route: manager ? routeView(route) : null }] : [];
  });
}

/** One category as a body answers it; 404 when it does not. */
export async function bodyCategory(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  code: string,
): Promise<BodyCategory> {
  const org = await bodyOrFail(ctx, slug);
  const row = await findCategoryByCode(ctx.db.kysely, code);
  const route = row ? await findRoute(ctx.db.kysely, row.id, org.id) : undefined;
  if (!row || !route) throw notFound(`Category ${code} of ${slug}`);
  const category = categoryOf(row);
  const manager = can(actor, { type: 'category:manage', organisationId: org.id });
  return {
    ...categoryView(category, [{ slug: org.slug, name: org.name }]),
    route: manager ? routeView(route) : null,
  };
}
