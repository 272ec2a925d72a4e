import type { AppContext } from '../../context.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';

// Queueing the background work of reports: sending a confirmed report to its body, telling
// followers of updates, refreshing the public "Citizen reports" dataset. Apart from the
// handlers (report-jobs.ts), so a handler may use the services that queue work without an
// import cycle (report-jobs → handler → service → report-jobs).

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
