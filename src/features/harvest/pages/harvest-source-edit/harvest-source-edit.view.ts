import type { HarvestSource } from '../../../../platform/db/schema.js';
import type { FieldError } from '../../../../platform/errors.js';
import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import { field } from '../../../../platform/views/forms/form-input.js';
import type { HarvestFilters } from '../../harvest-record.js';
import type { SourceChanges } from '../../harvest-source-edit.service.js';
import { scheduleLabel, type OrganisationChoice } from '../harvest-view.js';
import {
  choicesFor,
  formFromBody,
  inputOf,
  LABELS,
  SCHEDULES,
  type SourceForm,
} from '../harvest-source-new/harvest-source-new.view.js';

// The "Change a harvest source" form: the add form's fields and checks (its organisation
// fixed), with two more schedules: the source's own interval if not one of the usual, and a
// cron expression.

export interface EditForm extends SourceForm {
  cron: string;
}

/** The schedule choice for a source's own interval that is not hourly, daily or weekly. */
const CURRENT = 'current';
const CRON = 'cron';

export const EDIT_LABELS: FieldLabels = {
  ...LABELS,
  cron: { label: 'Cron expression', id: 'cron' },
};

/** The form as the source is now. */
export function formFromSource(source: HarvestSource, organisation: string): EditForm {
  const f = JSON.parse(source.filters) as HarvestFilters;
  const preset = SCHEDULES.find((s) => s.minutes === source.interval_minutes);
  return {
    organisation,
    title: source.title,
    type: source.type,
    url: source.url,
    schedule: source.cron !== null ? CRON : preset ? preset.value : CURRENT,
    cron: source.cron ?? '',
    filterOrganisation: f.organisation ?? '',
    filterTag: f.tag ?? '',
    filterQuery: f.query ?? '',
    licence: source.default_licence ?? '',
    loadData: source.load_data === 1,
  };
}

export const editFormFromBody = (body: unknown, organisation: string): EditForm => ({
  ...formFromBody(body),
  organisation,
  cron: field(body, 'cron').trim(),
});

/** The service's changes, or what the form lacks (the service checks the rest, as for adding). */
export function changesOf(
  form: EditForm,
  source: HarvestSource,
  org: OrganisationChoice,
): { form: EditForm; input: SourceChanges; errors: FieldError[] } {
  const preset = SCHEDULES.some((s) => s.value === form.schedule);
  const base = inputOf({ ...form, schedule: preset ? form.schedule : '' }, [org]);
  const errors = base.errors;
  let intervalMinutes = base.input.intervalMinutes ?? null;
  let cron: string | null = null;
  if (form.schedule === CRON) {
    cron = form.cron;
    if (!cron) errors.push({ field: 'cron', message: 'Enter a cron expression, like 0 6 * * *' });
  } else if (form.schedule === CURRENT && source.interval_minutes !== null) {
    intervalMinutes = source.interval_minutes;
  } else if (!preset) {
    errors.push({ field: 'interval_minutes', message: 'Select a schedule' });
  }
  const { title, url, type, filters, defaultLicence, loadData } = base.input;
  return {
    form,
    input: {
      title,
      url,
      type,
      intervalMinutes,
      cron,
      filters: filters ?? {},
      defaultLicence,
      loadData: loadData ?? false,
    },
    errors,
  };
}

/** The template's choices: the add form's, with the schedules extended. */
export function editChoicesFor(form: EditForm, source: HarvestSource, org: OrganisationChoice) {
  const custom =
    source.cron === null && !SCHEDULES.some((s) => s.minutes === source.interval_minutes);
  const current = `${scheduleLabel(source.interval_minutes)} (as now)`;
  return {
    ...choicesFor(form, [org]),
    schedules: [
      ...SCHEDULES,
      ...(custom ? [{ value: CURRENT, text: current }] : []),
      { value: CRON, text: 'At the times of a cron expression (below)' },
    ].map((s) => ({ value: s.value, text: s.text, selected: s.value === form.schedule })),
  };
}
