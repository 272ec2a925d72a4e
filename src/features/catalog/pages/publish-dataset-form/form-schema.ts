import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FieldError } from '../../../../platform/errors.js';
import { DatasetCreateBody } from '../../catalog.schemas.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
// The API's own schema checks the form too, so a page can never store what the API would
// refuse. allErrors: a form shows every problem at once (its size is bounded by the body limit).
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(DatasetCreateBody);

const FIELD_OF: Record<string, string> = {
  '/temporal_coverage/start': 'temporal_start',
  '/temporal_coverage/end': 'temporal_end',
  '/contact/name': 'contact_name',
  '/contact/email': 'contact_email',
};

const MESSAGES: Record<string, Partial<Record<string, string>>> = {
  title: { minLength: 'Enter a title', maxLength: 'Title must be 200 characters or fewer' },
  description: { maxLength: 'Description must be 50,000 characters or fewer' },
  tags: {
    maxItems: 'Enter 30 tags or fewer',
    maxLength: 'Each tag must be 50 characters or fewer',
  },
  themes: { maxItems: 'Choose 10 themes or fewer' },
  contact_email: {
    format: 'Enter the contact e-mail address in the correct format, like name@example.org',
  },
  source_url: { format: 'Enter the source as a full web address, like https://example.org/data' },
  state: { '*': 'Choose draft or published' },
  visibility: { '*': 'Choose who can see the dataset' },
  update_frequency: { '*': 'Choose how often it is updated' },
  organisation: { '*': 'Choose an organisation' },
};

function fieldOf(e: ErrorObject): string {
  const path = e.instancePath;
  return FIELD_OF[path] ?? path.split('/')[1] ?? 'title';
}

/** The schema's complaints about a form's input, one per field, in the Design System's words. */
export function schemaErrors(input: unknown): FieldError[] {
  if (validate(input)) return [];
  const out = new Map<string, string>();
  for (const e of validate.errors ?? []) {
    const f = fieldOf(e);
    if (out.has(f) || e.keyword === 'anyOf') continue;
    const messages = MESSAGES[f];
    out.set(
      f,
      messages?.[e.keyword] ?? messages?.['*'] ?? `is not valid (${e.message ?? e.keyword})`,
    );
  }
  return [...out].map(([field, message]) => ({ field, message }));
}
