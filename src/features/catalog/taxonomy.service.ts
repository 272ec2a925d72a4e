import type { AppContext } from '../../context.js';
import type { Actor } from '../accounts/actor.js';
import { readableScope } from '../accounts/policy.js';
import { listTagsWithCounts, listThemesWithCounts } from './taxonomy.repository.js';

export const listThemes = (ctx: AppContext, actor: Actor) =>
  listThemesWithCounts(ctx.db.kysely, readableScope(actor));

export const listTags = (ctx: AppContext, actor: Actor, limit: number) =>
  listTagsWithCounts(ctx.db.kysely, readableScope(actor), limit);
