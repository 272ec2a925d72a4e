import type { AppContext } from '../../context.js';
import { type Actor, readableScope } from '../accounts/index.js';
import { listTagsWithCounts, listThemesWithCounts, themeTitles } from './taxonomy.repository.js';

export const listThemes = (ctx: AppContext, actor: Actor) =>
  listThemesWithCounts(ctx.db.kysely, readableScope(actor));

export const listTags = (ctx: AppContext, actor: Actor, limit: number) =>
  listTagsWithCounts(ctx.db.kysely, readableScope(actor), limit);

/** Every theme's title by its slug (themes are public, whatever their datasets). */
export const themeTitlesBySlug = (ctx: AppContext) => themeTitles(ctx.db.kysely);
