import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { apiDocsPage } from './pages/api-docs/api-docs.page.js';
import { datasetPage } from './pages/dataset/dataset.page.js';
import { homePage } from './pages/home/home.page.js';
import { organisationPage } from './pages/organisation/organisation.page.js';
import { organisationsPage } from './pages/organisations/organisations.page.js';
import { searchPage } from './pages/search/search.page.js';
import { siteFilesPages } from './pages/site-files/site-files.page.js';
import { themePage } from './pages/theme/theme.page.js';
import { themesPage } from './pages/themes/themes.page.js';

/** The catalog feature's web pages (see docs/architecture.md, "Web pages"). */
export function registerCatalogPages(app: FastifyInstance, ctx: AppContext): void {
  homePage(app, ctx);
  searchPage(app, ctx);
  datasetPage(app, ctx);
  organisationsPage(app, ctx);
  organisationPage(app, ctx);
  themesPage(app, ctx);
  themePage(app, ctx);
  siteFilesPages(app, ctx);
  apiDocsPage(app, ctx);
}
