import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { SlugParam, type SlugParamInput } from '../../../../platform/views/page-query.js';
import type { DatasetAnswers } from '../../dataset-answers.js';
import { originOf, type DatasetProvenance } from '../../dataset-provenance.js';
import type { DatasetShowcases } from '../../dataset-showcases.js';
import type { DatasetQuality } from '../../dataset-quality.js';
import type { ResourceData } from '../../resource-data.js';
import { datasetPageData } from './dataset-page.service.js';
import { datasetView } from './dataset.view.js';
import { datasetJsonLd, scriptJson } from './dataset-jsonld.js';
import { spatialExtent } from './spatial-extent.js';
import { regionName } from '../../../region/index.js';

/** What the features above the catalogue add to a dataset's page (app.ts wires them). */
export interface DatasetPagePorts {
  provenance: DatasetProvenance;
  showcases: DatasetShowcases;
  quality: DatasetQuality;
  answers: DatasetAnswers;
}

/** /datasets/{slug}: a dataset with its resources, history, citation and API examples. */
export function datasetPage(
  app: FastifyInstance,
  ctx: AppContext,
  resourceData: ResourceData,
  ports: DatasetPagePorts,
): void {
  const { provenance, showcases, quality, answers } = ports;
  app.get<{ Params: SlugParamInput }>(
    '/datasets/:slug',
    { schema: { hide: true, params: SlugParam } },
    async (request, reply) => {
      const data = await datasetPageData(ctx, request.actor, request.params.slug, resourceData);
      const d = data.dataset;
      const view = datasetView(data, ctx.config.baseUrl, new Date());
      const [extent, siteName, harvest, builtWith, qualityPanel, answered] = await Promise.all([
        spatialExtent(ctx, d),
        regionName(ctx),
        originOf(ctx, provenance, d.id),
        showcases.builtWith(ctx, d.id),
        quality.panel(ctx, d.id),
        answers(ctx, d.id),
      ]);
      const { pageUrl } = view;
      const jsonLd = datasetJsonLd({
        data,
        baseUrl: ctx.config.baseUrl,
        siteName,
        pageUrl,
        extent,
      });
      return reply.page('features/catalog/pages/dataset/dataset.njk', {
        pageTitle: d.title,
        section: 'datasets',
        breadcrumbs: [
          HOME,
          { text: 'Datasets', href: '/datasets' },
          { text: d.organisation.name, href: `/organisations/${d.organisation.slug}` },
        ],
        ...view,
        harvest,
        builtWith,
        showcaseHref:
          d.visibility === 'public' && d.state === 'active' ? showcases.submitHref(d.slug) : null,
        quality: qualityPanel,
        answered,
        structuredData: scriptJson(jsonLd),
      });
    },
  );
}
