import type { AppContext } from '../../context.js';
import type { JobHandler } from '../../platform/jobs/jobs.js';
import { NOTIFY_UPDATE_JOB, SEND_REPORT_JOB } from './report-queue.js';
import { notifyUpdateHandler } from './sending/notify.js';
import { OPEN311_POLL_JOB } from './sending/open311-poll-queue.js';
import { open311PollHandler } from './sending/open311-updates.js';
import { sendReportHandler } from './sending/send-report.js';

// The background work of reports, as jobs any node may run: sending a confirmed report to its
// body, telling followers of updates, polling bodies' Open311 endpoints for their updates, and
// refreshing the public "Citizen reports" dataset after changes. The queueing lives in
// report-queue.ts (re-exported here), so handlers can use the services that queue work without
// an import cycle; handlers import from report-queue.ts, never here.

export {
  NOTIFY_UPDATE_JOB,
  queueDatasetRefresh,
  queueNotification,
  queueSending,
  REFRESH_DATASET_JOB,
  SEND_REPORT_JOB,
} from './report-queue.js';

/** The handlers app.ts gives the job runner. */
export function reportJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [SEND_REPORT_JOB]: sendReportHandler(ctx),
    [NOTIFY_UPDATE_JOB]: notifyUpdateHandler(ctx),
    [OPEN311_POLL_JOB]: open311PollHandler(ctx),
  };
}
