import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { noAnswers } from './dataset-answers.js';
import { noProvenance } from './dataset-provenance.js';
import { noShowcases } from './dataset-showcases.js';
import { noQuality } from './dataset-quality.js';
import { datasetPage } from './pages/dataset/dataset.page.js';
import { homePage } from './pages/home/home.page.js';
import { datasetFormPages } from './pages/publish-dataset-form/publish-dataset-form.page.js';
import { publishDatasetPage } from './pages/publish-dataset/publish-dataset.page.js';
import { deleteResourcePages } from './pages/publish-resource-delete/publish-resource-delete.page.js';
import type { CatalogExtensions } from './resource-data.js';
import { searchPage } from './pages/search/search.page.js';
import { themePage } from './pages/theme/theme.page.js';
import { themesPage } from './pages/themes/themes.page.js';

/** The catalogue's web pages, public and the publisher's (see docs/architecture.md). */
export function registerCatalogPages(
  app: FastifyInstance,
  ctx: AppContext,
  ext: CatalogExtensions,
): void {
  const provenance = ext.provenance ?? noProvenance;
  homePage(app, ctx);
  searchPage(app, ctx);
  datasetPage(app, ctx, ext.data, {
    provenance,
    showcases: ext.showcases ?? noShowcases,
    quality: ext.quality ?? noQuality,
    answers: ext.answers ?? noAnswers,
  });
  themesPage(app, ctx);
  themePage(app, ctx);
  // /publish/datasets/new before /publish/datasets/:slug (Fastify prefers static segments anyway).
  datasetFormPages(app, ctx, provenance);
  publishDatasetPage(app, ctx, ext.data);
  deleteResourcePages(app, ctx, ext);
}
