import type { AppContext } from '../../context.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { refreshReportsDataset } from './open-data/reports-dataset.service.js';

// The background work of reports, as jobs any node may run: sending a confirmed report to its
// body, telling followers of updates, and refreshing the public "Citizen reports" dataset after changes.

export const SEND_REPORT_JOB = 'report.send';
export const REFRESH_DATASET_JOB = 'reports.dataset';
export const NOTIFY_UPDATE_JOB = 'report.notify';
/** Changes within this window are refreshed together, well inside the minute promised. */
const REFRESH_DEBOUNCE_MS = 5_000;

/** A report was confirmed: send it to its body. */
export async function queueSending(ctx: AppContext, reportId: string): Promise<void> {
  await enqueueJob(ctx.db, {
    kind: SEND_REPORT_JOB,
    payload: { reportId },
    dedupeKey: `${SEND_REPORT_JOB}:${reportId}`,
  });
}

/** An update was posted: tell the reporter and the "me too" followers. */
export async function queueNotification(ctx: AppContext, updateId: string): Promise<void> {
  await enqueueJob(ctx.db, {
    kind: NOTIFY_UPDATE_JOB,
    payload: { updateId },
    dedupeKey: `${NOTIFY_UPDATE_JOB}:${updateId}`,
  });
}

/** Something public about reports changed: the open dataset follows within seconds. */
export async function queueDatasetRefresh(ctx: AppContext): Promise<void> {
  await enqueueJob(ctx.db, {
    kind: REFRESH_DATASET_JOB,
    payload: {},
    dedupeKey: REFRESH_DATASET_JOB,
    runAt: new Date(Date.now() + REFRESH_DEBOUNCE_MS),
  });
}

/** Where a handler says what it did not do (app.ts passes the server's log). */
export type JobLog = (message: string) => void;
const toStderr: JobLog = (message) => process.stderr.write(`${message}\n`);

/** The handlers app.ts gives the job runner. */
export function reportJobHandlers(
  ctx: AppContext,
  log: JobLog = toStderr,
): Record<string, JobHandler> {
  return {
    [REFRESH_DATASET_JOB]: async () => {
      const done = await refreshReportsDataset(ctx);
      if (done.outcome === 'skipped') log(`Citizen reports dataset not refreshed: ${done.reason}`);
      // The running one may have read the reports before this job's change: go again after it.
      if (done.outcome === 'busy') await queueDatasetRefresh(ctx);
    },
  };
}
