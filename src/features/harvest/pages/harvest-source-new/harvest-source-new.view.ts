import type { HarvestSourceType } from '../../../../platform/db/schema.js';
import type { FieldError } from '../../../../platform/errors.js';
import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import { field } from '../../../../platform/views/forms/form-input.js';
import { LICENCES } from '../../../catalog/index.js';
import { SOURCE_TYPES, type SourceInput } from '../../harvest-source.service.js';
import { TYPE_LABELS, type OrganisationChoice } from '../harvest-view.js';

// The "Add a harvest source" form: its fields as typed, and the service's input from them.

export interface SourceForm {
  organisation: string;
  title: string;
  type: string;
  url: string;
  schedule: string;
  filterOrganisation: string;
  filterTag: string;
  filterQuery: string;
  licence: string;
  loadData: boolean;
}

/** The schedule choices: by hand, or a run every so many minutes. */
export const SCHEDULES: readonly { value: string; text: string; minutes: number | null }[] = [
  { value: '', text: 'By hand only', minutes: null },
  { value: 'hourly', text: 'Every hour', minutes: 60 },
  { value: 'daily', text: 'Every day', minutes: 1440 },
  { value: 'weekly', text: 'Every week', minutes: 10_080 },
];

const TYPE_HINTS: Record<HarvestSourceType, string> = {
  ckan: 'A CKAN portal: give its home address, like https://data.example.gov.uk',
  dcat: 'A DCAT catalogue offered as Turtle, paged or not: give the catalogue’s address',
  datapress: 'A DataPress site: give its home address',
  opendatasoft: 'An Opendatasoft portal: give its home address',
  socrata: 'A Socrata portal or any Project Open Data catalogue: give the address of its data.json',
};

export const LABELS: FieldLabels = {
  organisation: { label: 'Organisation', id: 'organisation' },
  title: { label: 'Title', id: 'title' },
  type: { label: 'Type of portal', id: 'type' },
  url: { label: 'Address', id: 'url' },
  interval_minutes: { label: 'Schedule', id: 'schedule' },
  filters: { label: 'Filters', id: 'filter-organisation' },
  default_licence: { label: 'Default licence', id: 'licence' },
};

/** Clearer words than the service's for the fields a person types. */
const REWORDED: Record<string, string> = {
  title: 'Enter a title',
  url: 'Enter the portal’s address, starting with https:// or http://',
};

export const reword = (errors: FieldError[]): FieldError[] =>
  errors.map((e) => ({ ...e, message: REWORDED[e.field] ?? e.message }));

export const blankForm = (organisation = ''): SourceForm => ({
  organisation,
  title: '',
  type: '',
  url: '',
  schedule: 'daily',
  filterOrganisation: '',
  filterTag: '',
  filterQuery: '',
  licence: '',
  loadData: false,
});

export const formFromBody = (body: unknown): SourceForm => ({
  organisation: field(body, 'organisation'),
  title: field(body, 'title'),
  type: field(body, 'type'),
  url: field(body, 'url').trim(),
  schedule: field(body, 'schedule'),
  filterOrganisation: field(body, 'filter-organisation').trim(),
  filterTag: field(body, 'filter-tag').trim(),
  filterQuery: field(body, 'filter-query').trim(),
  licence: field(body, 'licence'),
  loadData: field(body, 'load-data') === 'yes',
});

/** The service's input, or the choices the form lacks (the service checks the rest). */
export function inputOf(
  form: SourceForm,
  orgs: readonly OrganisationChoice[],
): { form: SourceForm; input: SourceInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!orgs.some((o) => o.slug === form.organisation)) {
    errors.push({ field: 'organisation', message: 'Select the organisation' });
  }
  const type = SOURCE_TYPES.find((t) => t === form.type);
  if (!type) errors.push({ field: 'type', message: 'Select the type of portal' });
  const schedule = SCHEDULES.find((s) => s.value === form.schedule);
  if (!schedule) errors.push({ field: 'interval_minutes', message: 'Select a schedule' });
  if (form.licence && !LICENCES.some((l) => l.id === form.licence)) {
    errors.push({ field: 'default_licence', message: 'Select a licence from the list' });
  }
  // The API's limits, so a form cannot store what the API would refuse.
  if (form.title.length > 200) {
    errors.push({ field: 'title', message: 'Title must be 200 characters or fewer' });
  }
  const long = [form.filterOrganisation, form.filterTag].some((f) => f.length > 200);
  if (long || form.filterQuery.length > 500) {
    errors.push({
      field: 'filters',
      message: 'Filters must be shorter (200 characters, search words 500)',
    });
  }
  const filters = {
    ...(form.filterOrganisation ? { organisation: form.filterOrganisation } : {}),
    ...(form.filterTag ? { tag: form.filterTag } : {}),
    ...(form.filterQuery ? { query: form.filterQuery } : {}),
  };
  const input: SourceInput = {
    organisation: form.organisation,
    title: form.title,
    url: form.url,
    type: type ?? 'ckan',
    intervalMinutes: schedule?.minutes ?? null,
    filters,
    defaultLicence: form.licence || null,
    loadData: form.loadData,
  };
  return { form, input, errors };
}

/** The template's choices, with the form's values selected. */
export const choicesFor = (form: SourceForm, orgs: readonly OrganisationChoice[]) => ({
  organisations: [
    ...(orgs.length > 1 ? [{ value: '', text: 'Choose an organisation' }] : []),
    ...orgs.map((o) => ({ value: o.slug, text: o.name, selected: o.slug === form.organisation })),
  ],
  types: SOURCE_TYPES.map((t) => ({
    value: t,
    text: TYPE_LABELS[t],
    hint: { text: TYPE_HINTS[t] },
    checked: t === form.type,
  })),
  schedules: SCHEDULES.map((s) => ({
    value: s.value,
    text: s.text,
    selected: s.value === form.schedule,
  })),
  licences: [
    { value: '', text: 'None: keep what the source says' },
    ...LICENCES.map((l) => ({ value: l.id, text: l.title, selected: l.id === form.licence })),
  ],
});
