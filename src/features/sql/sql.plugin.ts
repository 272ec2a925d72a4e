import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { sqlPage } from './pages/sql/sql.page.js';
import { closeSqlRuntime } from './sql-runtime.js';
import { sqlRoutes } from './sql.routes.js';

/** The read-only SQL endpoint and its page, unless SQL_ENABLED is off. */
export function registerSql(app: Api, ctx: AppContext): void {
  if (!ctx.config.sqlEnabled) return;
  sqlRoutes(app, ctx);
  sqlPage(app, ctx);
  app.addHook('onClose', () => closeSqlRuntime(ctx));
}
