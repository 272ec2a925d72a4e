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
export {
  refreshReportsDataset,
  type RefreshOptions,
  type RefreshOutcome,
} from './open-data/reports-dataset.service.js';
export {
  CITIZEN_REPORTS_RESOURCE,
  CITIZEN_REPORTS_SLUG,
} from './open-data/reports-dataset-meta.js';
export { REPORTS_PUBLISHER } from './open-data/reports-publisher.js';
export {
  importedReportCount,
  importReports,
  type ImportedReport,
  type ImportedUpdate,
} from './report-import.service.js';
export type { DatasetContact } from './open-data/reports-dataset-meta.js';
