import { DomainError, type FieldError } from '../../../../platform/errors.js';
import { ckanInvalid } from '../../ckan-failure.js';

// Our field names in CKAN's words, so that an error from the catalogue's own checks names the
// field the CKAN client sent: `slug` is CKAN's `name`, `organisation` its `owner_org`...

const CKAN_NAMES: Record<string, string> = {
  slug: 'name',
  description: 'notes',
  organisation: 'owner_org',
  licence: 'license_id',
  themes: 'groups',
  visibility: 'private',
  source_url: 'url',
  update_frequency: 'extras',
  temporal_coverage: 'extras',
  spatial_coverage: 'extras',
  contact: 'maintainer',
};

/** The CKAN name of one of our fields (`contact/email` is CKAN's `maintainer_email`). */
export function ckanField(path: string): string {
  const [head = '', sub] = path.replace(/^\//, '').split(/[/.]/);
  if (head === 'contact' && sub === 'email') return 'maintainer_email';
  return CKAN_NAMES[head] ?? head;
}

/** Field errors grouped by CKAN field: `{"name": ["That URL is already in use."]}`. */
export function ckanFieldErrors(errors: FieldError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const field = ckanField(e.field);
    // The catalogue's words for a taken slug, in CKAN's (clients match on them).
    const message =
      field === 'name' && e.message.includes('already taken')
        ? 'That URL is already in use.'
        : e.message;
    (out[field] ??= []).push(message);
  }
  return out;
}

const isFieldErrors = (d: unknown): d is FieldError[] =>
  Array.isArray(d) &&
  d.every(
    (e: unknown) =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as FieldError).field === 'string' &&
      typeof (e as FieldError).message === 'string',
  );

/** Runs a catalogue service, rewording its validation errors' field names in CKAN's. */
export async function inCkanWords<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (
      err instanceof DomainError &&
      (err.kind === 'validation' || err.kind === 'invalid') &&
      isFieldErrors(err.details)
    ) {
      throw ckanInvalid(ckanFieldErrors(err.details), err.message);
    }
    throw err;
  }
}
