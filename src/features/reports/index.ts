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
export { handledBodies } from './report-queue.service.js';
export { handleReport, type HandlingInput } from './report-handling.service.js';
export {
  moderateReport,
  listModerations,
  type ModerationInput,
} from './report-moderation.service.js';
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
  nearbyReports,
  distanceMetres,
  NEARBY_METRES,
  type NearbyReport,
} from './nearby.service.js';
export {
  submitReport,
  photoKey,
  type SubmitInput,
  type SubmittedReport,
} from './report-submit.service.js';
export {
  confirmSupport,
  supportReport,
  type SupportOutcome,
  type SupportResult,
} from './support.service.js';
export {
  getServiceRequest,
  listPublicUpdates,
  listServiceRequests,
  publicUpdateByExternalId,
  type PublicReportUpdate,
  type PublicServiceRequest,
  type ServiceRequestQuery,
} from './service-requests.service.js';
export { sendByOpen311, type Open311Sent } from './sending/open311-client.js';
export { pollOpen311Updates, type PollResult } from './sending/open311-updates.js';
export { OPEN311_POLL_JOB, queueOpen311Poll } from './sending/open311-poll-queue.js';
export { extendedOpen311Status, statusFromOpen311 } from './sending/open311-status.js';
export {
  anonymiseOwnReport,
  editOwnReport,
  listOwnReports,
  reopenOwnReport,
  REOPEN_DAYS,
} from './report-owner.service.js';
export {
  deleteMyAccount,
  exportMyData,
  forgetEmail,
  type PersonalData,
} from './personal-data.service.js';
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
export {
  imageKindOf,
  MAX_PHOTO_SIDE,
  processPhoto,
  type ImageKind,
  type ProcessedPhoto,
} from './photo.service.js';
