// The reports feature offers the others only what is exported here: citizen reports (Open311
// service requests), the categories bodies answer and how reports reach them, and their pages
// and API. Everything else in this folder is private to it.

export type { AttributeDefinition, Answers } from './attributes.js';
export {
  allRoutes,
  categoriesAt,
  defineCategory,
  getCategory,
  listCategories,
  offerCategory,
  withdrawOffer,
  SEND_METHODS,
  type Category,
  type CategoryInput,
  type Offer,
  type OfferInput,
} from './category.service.js';
export { registerReports } from './reports.plugin.js';
export { reportJobHandlers } from './report-jobs.js';
export {
  confirmReport,
  createReport,
  getReport,
  publicReporterName,
  type CreatedReport,
  type ReportDetail,
  type ReportInput,
} from './report.service.js';
export { applyReportUpdate, postReportUpdate, type UpdateInput } from './report-update.service.js';
export { isOpenStatus, open311Status, STATUSES, STATUS_LABELS } from './report-status.js';
export { getPublicReport, listPublicReports, reportLocations } from './public-report.service.js';
export {
  bodyLookup,
  publicReport,
  publicReportSummary,
  reportUrl,
  type BodyLookup,
  type PublicReport,
  type PublicReportSummary,
} from './report.view.js';
export { STATUS_GROUPS, type PublicReportQuery } from './report-filter.js';
