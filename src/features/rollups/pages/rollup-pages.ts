import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { publishRollupDeletePage } from './publish-rollup-delete/publish-rollup-delete.page.js';
import { publishRollupEditPage } from './publish-rollup-edit/publish-rollup-edit.page.js';
import { publishRollupNewPage } from './publish-rollup-new/publish-rollup-new.page.js';
import { rollupPage } from './rollup/rollup.page.js';
import { rollupsPage } from './rollups/rollups.page.js';

/**
 * The roll-ups' pages: the list and each roll-up (public); creating, changing and deleting one
 * (administrators).
 */
export function registerRollupPages(app: FastifyInstance, ctx: AppContext): void {
  rollupsPage(app, ctx);
  rollupPage(app, ctx);
  publishRollupNewPage(app, ctx);
  publishRollupEditPage(app, ctx);
  publishRollupDeletePage(app, ctx);
}
