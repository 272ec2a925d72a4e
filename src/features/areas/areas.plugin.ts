import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { registerLocate } from './locate.routes.js';

export function registerAreas(app: Api, ctx: AppContext): void {
  registerLocate(app, ctx);
}
