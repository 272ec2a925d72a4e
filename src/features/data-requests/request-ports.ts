import type { AppContext } from '../../context.js';
import type { DatasetAnswers } from '../catalog/index.js';
import type { OrganisationSection } from '../organisations/index.js';
import { requestsAnsweredBy } from './data-request.repository.js';
import { listRequests } from './data-request.service.js';
import { AWAITING } from './request-status.js';
import { responseDue } from './working-days.js';

// What the catalogue and the organisations ask of the data requests (app.ts wires these in).

/** A dataset page's "Published in answer to a data request" links. */
export const datasetAnswers: DatasetAnswers = async (ctx: AppContext, datasetId: string) =>
  (await requestsAnsweredBy(ctx.db.kysely, datasetId)).map((r) => ({
    title: r.title,
    url: `/data-requests/${r.id}`,
  }));

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/** An organisation page's section: its requests awaiting an answer, the overdue ones listed. */
export const organisationRequests: OrganisationSection = async (ctx, org) => {
  const base = { organisation: org.slug, status: [...AWAITING], per_page: 10 };
  const [awaiting, overdue] = await Promise.all([
    listRequests(ctx, { ...base, per_page: 1 }),
    listRequests(ctx, { ...base, overdue: true }),
  ]);
  const days = ctx.config.dataRequestResponseDays;
  return {
    heading: 'Data requests',
    intro:
      `${plural(awaiting.total, 'request awaits', 'requests await')} an answer from ${org.name}; ` +
      `${plural(overdue.total, 'is', 'are')} past the response target of ${String(days)} working days.`,
    items: overdue.results.map((r) => ({
      text: r.title,
      href: `/data-requests/${r.id}`,
      hint: `Overdue: due ${responseDue(r.created_at, days)}`,
    })),
    link: {
      text: `All data requests to ${org.name}`,
      href: `/data-requests?organisation=${encodeURIComponent(org.slug)}`,
    },
  };
};
