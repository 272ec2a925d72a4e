import type { AppContext } from '../../../../context.js';
import { can, type Actor } from '../../../accounts/index.js';
import { allOrganisations } from '../../../organisations/index.js';
import { field } from '../../../../platform/views/forms/form-input.js';
import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import {
  duplicateCandidates,
  reportForStaff,
  rerouteOptions,
  type HandlingInput,
} from '../../report-handling.service.js';
import { listModerations } from '../../report-moderation.service.js';
import { STATUS_LABELS, STATUSES } from '../../report-status.js';
import { getReport } from '../../report.service.js';
import { SEND_LABELS, statusTag } from '../publish-reports/publish-reports.view.js';

// What the report page of the body's staff shows: the report, its reporter's contact, photos,
// updates and moderation history, and the choices of its status form.

export interface UpdateForm {
  status: string;
  text: string;
  duplicate_of: string;
  duplicate_ref: string;
  organisation: string;
}

export const blankUpdateForm = (): UpdateForm => ({
  status: '',
  text: '',
  duplicate_of: '',
  duplicate_ref: '',
  organisation: '',
});

export const UPDATE_LABELS: FieldLabels = {
  status: { label: 'New status', id: 'status' },
  text: { label: 'Update for the public', id: 'text' },
  duplicate_of: { label: 'Original report', id: 'duplicate_of' },
  organisation: { label: 'Body responsible', id: 'organisation' },
};

export function updateFormOf(body: unknown): UpdateForm {
  return {
    status: field(body, 'status'),
    text: field(body, 'text'),
    duplicate_of: field(body, 'duplicate_of'),
    duplicate_ref: field(body, 'duplicate_ref').trim(),
    organisation: field(body, 'organisation'),
  };
}

/** The service's input: the typed reference wins over the chosen candidate. */
export function handlingInputOf(form: UpdateForm): HandlingInput {
  return {
    status: form.status === '' ? undefined : form.status,
    text: form.text,
    // Given with another status, they are refused by the service rather than ignored.
    duplicateOf: form.duplicate_ref || form.duplicate_of || undefined,
    organisation: form.organisation || undefined,
    source: 'web',
  };
}

/** Everything the page shows; 404/403 as the services decide. */
export async function staffReport(ctx: AppContext, actor: Actor, id: string) {
  const row = await reportForStaff(ctx, actor, id);
  const [detail, moderations, candidates, reroutes, orgs] = await Promise.all([
    getReport(ctx, actor, id),
    listModerations(ctx, actor, id),
    duplicateCandidates(ctx, row),
    rerouteOptions(ctx, row),
    allOrganisations(ctx),
  ]);
  const { report, category } = detail;
  const answers = JSON.parse(report.attributes) as Record<string, string | string[]>;
  return {
    report,
    category,
    body: orgs.find((o) => o.id === report.organisation_id),
    statusLabel: STATUS_LABELS[report.status],
    statusTag: statusTag(report.status),
    send: SEND_LABELS[report.send_state],
    answers: category.attributes
      .filter((a) => a.variable && answers[a.code] !== undefined)
      .map((a) => {
        const given = answers[a.code] ?? '';
        const keys = Array.isArray(given) ? given : [given];
        const names = keys.map((k) => a.values?.find((v) => v.key === k)?.name ?? k);
        return { question: a.description || a.code, answer: names.join(', ') };
      }),
    photos: detail.photos.map((p, i) => ({ ...p, n: i + 1 })),
    updates: detail.updates.map((u) => ({
      ...u,
      statusLabel: u.status ? STATUS_LABELS[u.status] : null,
    })),
    moderations: moderations.map((m) => ({
      ...m,
      photoN: detail.photos.findIndex((p) => p.id === m.photo_id) + 1,
    })),
    candidates: candidates.map((c) => ({
      value: c.report.id,
      text: `${c.report.description.slice(0, 60)} (${String(c.metres)} m away, ${c.report.created_at.slice(0, 10)})`,
    })),
    reroutes,
    statuses: STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] })),
    canModerate: can(actor, { type: 'report:moderate', organisationId: report.organisation_id }),
  };
}
