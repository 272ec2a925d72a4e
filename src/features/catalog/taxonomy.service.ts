import type { AppContext } from '../../context.js';
import { type Actor, readableScope } from '../accounts/index.js';
import {
  countTags,
  listTagsWithCounts,
  listThemesWithCounts,
  themeTitles,
} from './taxonomy.repository.js';
import { pageOf, type PageInput } from '../../platform/paging.js';

export const listThemes = (ctx: AppContext, actor: Actor) =>
  listThemesWithCounts(ctx.db.kysely, readableScope(actor));

/** A page of the tags in use, most used first. */
export async function listTags(ctx: AppContext, actor: Actor, input: PageInput) {
  const { page, per_page } = pageOf(input);
  const scope = readableScope(actor);
  const [results, total] = await Promise.all([
    listTagsWithCounts(ctx.db.kysely, scope, per_page, (page - 1) * per_page),
    countTags(ctx.db.kysely, scope),
  ]);
  return { total, page, per_page, results };
}

/** Every theme's title by its slug (themes are public, whatever their datasets). */
export const themeTitlesBySlug = (ctx: AppContext) => themeTitles(ctx.db.kysely);
