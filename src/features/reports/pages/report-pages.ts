import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { reportCategoryPage } from './report-category/report-category.page.js';
import { reportConfirmPage } from './report-confirm/report-confirm.page.js';
import { reportDetailsPage } from './report-details/report-details.page.js';
import { reportPhotoRoute } from './report-photo/report-photo.page.js';
import { reportSentPage } from './report-sent/report-sent.page.js';
import { reportStartPage } from './report-start/report-start.page.js';
import { reportSupportPages } from './report-support/report-support.page.js';
import { reportWherePage } from './report-where/report-where.page.js';

/** "Report a problem" (/report and its steps), "me too", and the reports' photos. */
export function registerReportJourney(app: FastifyInstance, ctx: AppContext): void {
  reportStartPage(app, ctx);
  reportWherePage(app, ctx);
  reportCategoryPage(app, ctx);
  reportDetailsPage(app, ctx);
  reportSentPage(app, ctx);
  reportConfirmPage(app, ctx);
  reportSupportPages(app, ctx);
  reportPhotoRoute(app, ctx);
}
