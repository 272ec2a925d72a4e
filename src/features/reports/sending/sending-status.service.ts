import type { AppContext } from '../../../context.js';
import type { Job } from '../../../platform/db/schema.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { findJob, requeueJob, troubledJobs } from '../../../platform/jobs/jobs.js';
import { authorise, type Actor } from '../../accounts/index.js';
import { allOrganisations } from '../../organisations/index.js';
import { listCategoryRows, listRouteRows } from '../category.repository.js';
import { SEND_REPORT_JOB } from '../report-queue.js';
import {
  countSentByBody,
  countWaitingByBody,
  findReportBriefs,
  markReportRequeued,
} from './sending.repository.js';

// How reports are reaching the bodies, for site administrators: per body, what waits, what went
// in the last week, what keeps failing and what was given up on (parked), with the last error;
// and "send again" for a parked report.

const WEEK_MS = 7 * 86_400_000;

export interface SendingProblem {
  job_id: string;
  report_id: string;
  report_url: string;
  category: string;
  description: string;
  attempts: number;
  max_attempts: number;
  last_error: string;
  /** When the last attempt ended. */
  failed_at: string;
  /** Failing jobs: the next try; parked ones: null (they wait for an administrator). */
  next_attempt_at: string | null;
}

export interface BodySending {
  slug: string;
  name: string;
  /** How its reports are sent (email, open311, webhook), from its routes. */
  methods: string[];
  waiting: number;
  sent_last_7_days: number;
  failing: SendingProblem[];
  parked: SendingProblem[];
}

const reportIdOf = (job: Job): string | null => {
  try {
    const id = (JSON.parse(job.payload) as { reportId?: unknown } | null)?.reportId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
};

/** Every body that answers a category or has reports on the way, by name. */
export async function sendingOverview(ctx: AppContext, actor: Actor): Promise<BodySending[]> {
  authorise(
    actor,
    { type: 'reports:operate' },
    'Only site administrators see how reports are sent',
  );
  const db = ctx.db.kysely;
  const since = new Date(Date.now() - WEEK_MS).toISOString();
  const [orgs, routes, categories, waiting, sent, jobs] = await Promise.all([
    allOrganisations(ctx),
    listRouteRows(db),
    listCategoryRows(db),
    countWaitingByBody(db),
    countSentByBody(db, since),
    troubledJobs(ctx.db, SEND_REPORT_JOB),
  ]);
  const reports = new Map(
    (
      await findReportBriefs(
        db,
        jobs.flatMap((j) => reportIdOf(j) ?? []),
      )
    ).map((r) => [r.id, r]),
  );
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const bodies = new Map<string, BodySending>();
  const bodyOf = (id: string) => {
    let body = bodies.get(id);
    const org = orgs.find((o) => o.id === id);
    if (!body && org) {
      body = {
        slug: org.slug,
        name: org.name,
        methods: [],
        waiting: 0,
        sent_last_7_days: 0,
        failing: [],
        parked: [],
      };
      bodies.set(id, body);
    }
    return body;
  };
  for (const r of routes) {
    const body = bodyOf(r.organisation_id);
    if (body && !body.methods.includes(r.send_method)) body.methods.push(r.send_method);
  }
  for (const w of waiting) {
    const body = bodyOf(w.organisation_id);
    if (body) body.waiting = w.n;
  }
  for (const s of sent) {
    const body = bodyOf(s.organisation_id);
    if (body) body.sent_last_7_days = s.n;
  }
  for (const job of jobs) {
    const report = reports.get(reportIdOf(job) ?? '');
    const body = report && bodyOf(report.organisation_id);
    if (!report || !body) continue;
    const parked = job.state === 'parked';
    (parked ? body.parked : body.failing).push({
      job_id: job.id,
      report_id: report.id,
      report_url: `${ctx.config.baseUrl}/reports/${report.id}`,
      category: categoryName.get(report.category_id) ?? '',
      description: report.description.slice(0, 200),
      attempts: job.attempts,
      max_attempts: job.max_attempts,
      last_error: job.last_error ?? '',
      failed_at: job.updated_at,
      next_attempt_at: parked ? null : job.run_at,
    });
  }
  return [...bodies.values()]
    .map((b) => ({ ...b, methods: b.methods.sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Puts a parked sending job back in the queue, due now (the body fixed its end, say). */
export async function sendAgain(ctx: AppContext, actor: Actor, jobId: string): Promise<void> {
  authorise(actor, { type: 'reports:operate' }, 'Only site administrators send reports again');
  const job = await findJob(ctx.db, jobId);
  if (job?.kind !== SEND_REPORT_JOB) throw notFound(`Sending job ${jobId}`);
  if (!(await requeueJob(ctx.db, job.id))) {
    throw conflict(
      'This report is not parked: it is waiting, being sent or sent',
      undefined,
      'not_parked',
    );
  }
  const reportId = reportIdOf(job);
  if (reportId) await markReportRequeued(ctx.db.kysely, reportId);
}
