import type { AppContext } from '../../context.js';
import type { JobHandler } from '../../platform/jobs/jobs.js';
import { refreshReportsDataset } from './open-data/reports-dataset.service.js';
import {
  NOTIFY_UPDATE_JOB,
  queueDatasetRefresh,
  REFRESH_DATASET_JOB,
  SEND_REPORT_JOB,
} from './report-queue.js';
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

/** Where a handler says what it did not do (app.ts passes the server's log). */
export type JobLog = (message: string) => void;
const toStderr: JobLog = (message) => process.stderr.write(`${message}\n`);

/** The handlers app.ts gives the job runner. */
export function reportJobHandlers(
  ctx: AppContext,
  log: JobLog = toStderr,
): Record<string, JobHandler> {
  return {
    [SEND_REPORT_JOB]: sendReportHandler(ctx),
    [NOTIFY_UPDATE_JOB]: notifyUpdateHandler(ctx),
    [OPEN311_POLL_JOB]: open311PollHandler(ctx),
    [REFRESH_DATASET_JOB]: async () => {
      const done = await refreshReportsDataset(ctx);
      if (done.outcome === 'skipped') log(`Citizen reports dataset not refreshed: ${done.reason}`);
      // The running one may have read the reports before this job's change: go again after it.
      if (done.outcome === 'busy') await queueDatasetRefresh(ctx);
    },
  };
}
