import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { publishRollupNewPage } from './publish-rollup-new/publish-rollup-new.page.js';
import { rollupPage } from './rollup/rollup.page.js';
import { rollupsPage } from './rollups/rollups.page.js';

/** The roll-ups' pages: the list and each roll-up (public), and creating one (administrators). */
export function registerRollupPages(app: FastifyInstance, ctx: AppContext): void {
  rollupsPage(app, ctx);
  rollupPage(app, ctx);
  publishRollupNewPage(app, ctx);
}
