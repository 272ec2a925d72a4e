import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import { moderatePages } from './pages/moderate/moderate.page.js';
import { myShowcasesPage } from './pages/my-showcases/my-showcases.page.js';
import { showcaseDeletePages } from './pages/showcase/showcase-delete.page.js';
import { showcasePage } from './pages/showcase/showcase.page.js';
import { showcasesPage } from './pages/showcases/showcases.page.js';
import { editPages } from './pages/submit/edit.page.js';
import { submitPages } from './pages/submit/submit.page.js';
import { showcaseImageRoutes } from './showcase-image.routes.js';
import { showcaseRoutes } from './showcase.routes.js';

/** Showcases: their API, the public pages, the submission form and the admins' queue. */
export function registerShowcases(app: Api, ctx: AppContext): void {
  showcaseRoutes(app, ctx);
  showcaseImageRoutes(app, ctx);
  showcasesPage(app, ctx);
  showcasePage(app, ctx);
  showcaseDeletePages(app, ctx);
  submitPages(app, ctx);
  editPages(app, ctx);
  myShowcasesPage(app, ctx);
  moderatePages(app, ctx);
}
