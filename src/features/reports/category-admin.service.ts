import type { AppContext } from '../../context.js';
import type { CategoryRoute } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { authorise, type Actor } from '../accounts/index.js';
import { findOrganisation } from '../organisations/index.js';
import { findCategoryByCode, findRoute, routesOfOrganisations } from './category.repository.js';
import {
  listCategories,
  offerCategory,
  type Category,
  type OfferInput,
} from './category.service.js';

// What a body's administrators see and change of the categories it answers. A route's secret
// (an Open311 api_key, a webhook key) is never shown back: only whether one is set.

export interface OfferView {
  category: Category;
  route: Omit<CategoryRoute, 'secret'>;
  secretSet: boolean;
}

const MANAGE = 'Only the organisation’s administrators manage its categories';

/** The body, the categories it answers (with how each is sent) and the region's list. */
export async function organisationOffers(ctx: AppContext, actor: Actor, slug: string) {
  const org = await findOrganisation(ctx, slug);
  if (!org) throw notFound(`Organisation ${slug}`);
  authorise(actor, { type: 'category:manage', organisationId: org.id }, MANAGE);
  const [routes, categories] = await Promise.all([
    routesOfOrganisations(ctx.db.kysely, [org.id]),
    listCategories(ctx),
  ]);
  const offers: OfferView[] = categories.flatMap((category) => {
    const route = routes.find((r) => r.category_id === category.id);
    if (!route) return [];
    const { secret, ...rest } = route;
    return [{ category, route: rest, secretSet: secret !== null && secret !== '' }];
  });
  return { organisation: { id: org.id, slug: org.slug, name: org.name }, offers, categories };
}

/**
 * Adds or changes how a body answers a category. A blank secret keeps the one set before, so
 * the form never has to show it.
 */
export async function saveOffer(ctx: AppContext, actor: Actor, input: OfferInput) {
  let secret = input.secret?.trim() ? input.secret.trim() : null;
  if (secret === null) {
    const org = await findOrganisation(ctx, input.organisation);
    const category = await findCategoryByCode(ctx.db.kysely, input.category);
    if (org && category) {
      secret = (await findRoute(ctx.db.kysely, category.id, org.id))?.secret ?? null;
    }
  }
  return offerCategory(ctx, actor, { ...input, secret });
}

/** The region's categories, for the site administrators who define them. */
export async function categoriesToDefine(ctx: AppContext, actor: Actor): Promise<Category[]> {
  authorise(actor, { type: 'category:define' }, 'Only site administrators define categories');
  return listCategories(ctx);
}
