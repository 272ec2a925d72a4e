import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { harvestRunPage } from './harvest-run/harvest-run.page.js';
import { harvestSourceNewPage } from './harvest-source-new/harvest-source-new.page.js';
import { harvestSourcePage } from './harvest-source/harvest-source.page.js';
import { harvestSourceDeletePage } from './harvest-source-delete/harvest-source-delete.page.js';
import { harvestSourceEditPage } from './harvest-source-edit/harvest-source-edit.page.js';
import { harvestSourceSwitchPages } from './harvest-source-switch/harvest-source-switch.page.js';
import { harvestSourcesPage } from './harvest-sources/harvest-sources.page.js';

/** The administrators' pages for harvest sources, under /publish/harvest. */
export function registerHarvestPages(app: FastifyInstance, ctx: AppContext): void {
  harvestSourcesPage(app, ctx);
  // Before /publish/harvest/:id, though the router prefers the static path anyway.
  harvestSourceNewPage(app, ctx);
  harvestSourcePage(app, ctx);
  harvestSourceEditPage(app, ctx);
  harvestSourceDeletePage(app, ctx);
  harvestSourceSwitchPages(app, ctx);
  harvestRunPage(app, ctx);
}
