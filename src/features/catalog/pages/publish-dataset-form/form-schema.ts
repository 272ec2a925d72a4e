import { formChecker, type Messages } from '../../../../platform/views/forms/form-check.js';
import { DatasetCreateBody } from '../../catalog.schemas.js';

const FIELD_OF: Record<string, string> = {
  '/temporal_coverage/start': 'temporal_start',
  '/temporal_coverage/end': 'temporal_end',
  '/contact/name': 'contact_name',
  '/contact/email': 'contact_email',
};

const MESSAGES: Messages = {
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
  source_url: {
    format: 'Enter the source as a full web address, like https://example.org/data',
    pattern: 'Enter the source as a web address starting https:// or http://',
  },
  state: { '*': 'Choose draft or published' },
  visibility: { '*': 'Choose who can see the dataset' },
  update_frequency: { '*': 'Choose how often it is updated' },
  organisation: { '*': 'Choose an organisation' },
};

/** The schema's complaints about a form's input, one per field, in the Design System's words. */
export const schemaErrors = formChecker(DatasetCreateBody, MESSAGES, (e) => {
  const path = e.instancePath;
  return FIELD_OF[path] ?? path.split('/')[1] ?? 'title';
});
