import type { DatasetCreateInput } from '../../catalog.schemas.js';
import type { FieldError } from '../../../../platform/errors.js';
import { field, fields } from '../../../../platform/views/forms/form-input.js';
import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import type { DateParts } from '../../../../platform/views/forms/form-date.js';
import {
  datePartsFrom,
  datePartsOf,
  emptyDate,
  isoDateOf,
} from '../../../../platform/views/forms/form-date.js';

/** The dataset form's values as the person typed them, so a form with errors shows them again. */
export interface DatasetForm {
  title: string;
  description: string;
  organisation: string;
  licence: string;
  themes: string[];
  tags: string;
  visibility: string;
  state: string;
  update_frequency: string;
  temporal_start: DateParts;
  temporal_end: DateParts;
  spatial_coverage: string;
  contact_name: string;
  contact_email: string;
  source_url: string;
}

export const LABELS: FieldLabels = {
  title: { label: 'Title', id: 'title' },
  slug: { label: 'Title', id: 'title' },
  description: { label: 'Description', id: 'description' },
  organisation: { label: 'Organisation', id: 'organisation' },
  licence: { label: 'Licence', id: 'licence' },
  themes: { label: 'Themes', id: 'themes' },
  tags: { label: 'Tags', id: 'tags' },
  visibility: { label: 'Who can see it', id: 'visibility' },
  state: { label: 'Status', id: 'state' },
  update_frequency: { label: 'Update frequency', id: 'update-frequency' },
  temporal_start: { label: 'Start date', id: 'temporal-start-day' },
  temporal_end: { label: 'End date', id: 'temporal-end-day' },
  spatial_coverage: { label: 'Area covered', id: 'spatial-coverage' },
  contact_name: { label: 'Contact name', id: 'contact-name' },
  contact_email: { label: 'Contact e-mail address', id: 'contact-email' },
  source_url: { label: 'Source', id: 'source-url' },
};

export function blankForm(organisation: string): DatasetForm {
  return {
    title: '',
    description: '',
    organisation,
    licence: 'OGL-UK-3.0',
    themes: [],
    tags: '',
    visibility: 'public',
    state: 'draft',
    update_frequency: '',
    temporal_start: emptyDate(),
    temporal_end: emptyDate(),
    spatial_coverage: '',
    contact_name: '',
    contact_email: '',
    source_url: '',
  };
}

export function formFromBody(body: unknown): DatasetForm {
  return {
    title: field(body, 'title'),
    description: field(body, 'description'),
    organisation: field(body, 'organisation'),
    licence: field(body, 'licence'),
    themes: fields(body, 'themes'),
    tags: field(body, 'tags'),
    visibility: field(body, 'visibility'),
    state: field(body, 'state'),
    update_frequency: field(body, 'update_frequency'),
    temporal_start: datePartsFrom(body, 'temporal-start'),
    temporal_end: datePartsFrom(body, 'temporal-end'),
    spatial_coverage: field(body, 'spatial_coverage'),
    contact_name: field(body, 'contact_name'),
    contact_email: field(body, 'contact_email'),
    source_url: field(body, 'source_url'),
  };
}

interface DatasetShape {
  title: string;
  description: string;
  organisation: { slug: string };
  licence: { id: string };
  themes: { slug: string }[];
  tags: string[];
  visibility: string;
  state: string;
  update_frequency: string | null;
  temporal_coverage: { start: string | null; end: string | null } | null;
  spatial_coverage: string | null;
  contact: { name: string | null; email: string | null } | null;
  source_url: string | null;
}

export function formFromDataset(d: DatasetShape): DatasetForm {
  return {
    title: d.title,
    description: d.description,
    organisation: d.organisation.slug,
    licence: d.licence.id,
    themes: d.themes.map((t) => t.slug),
    tags: d.tags.join(', '),
    visibility: d.visibility,
    state: d.state,
    update_frequency: d.update_frequency ?? '',
    temporal_start: datePartsOf(d.temporal_coverage?.start),
    temporal_end: datePartsOf(d.temporal_coverage?.end),
    spatial_coverage: d.spatial_coverage ?? '',
    contact_name: d.contact?.name ?? '',
    contact_email: d.contact?.email ?? '',
    source_url: d.source_url ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * The service's input from the form (every field, so it serves create and edit alike), and the
 * errors only the form can find (dates). Types and lengths are then checked by the API schema.
 */
export function inputFromForm(form: DatasetForm): {
  input: DatasetCreateInput;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const start = isoDateOf(form.temporal_start, 'temporal_start', 'Start date');
  const end = isoDateOf(form.temporal_end, 'temporal_end', 'End date');
  for (const e of [start.error, end.error]) if (e) errors.push(e);
  if (start.value && end.value && end.value < start.value) {
    errors.push({
      field: 'temporal_end',
      message: 'End date must be the same as or after the start date',
    });
  }
  const contactName = orNull(form.contact_name);
  const contactEmail = orNull(form.contact_email);
  const input = {
    title: form.title.trim(),
    description: form.description,
    organisation: form.organisation,
    licence: form.licence,
    themes: form.themes,
    tags: form.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    visibility: form.visibility,
    state: form.state,
    update_frequency: orNull(form.update_frequency),
    temporal_coverage: start.value || end.value ? { start: start.value, end: end.value } : null,
    spatial_coverage: orNull(form.spatial_coverage),
    contact: contactName || contactEmail ? { name: contactName, email: contactEmail } : null,
    source_url: orNull(form.source_url),
  } as DatasetCreateInput;
  return { input, errors };
}
