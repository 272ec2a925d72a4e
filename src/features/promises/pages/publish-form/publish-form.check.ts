import { formChecker } from '../../../../platform/views/forms/form-check.js';
import { PromiseCreateBody } from '../../promise.schemas.js';

/** The promise form checked by the API's schema, one message per field. */
export const promiseSchemaErrors = formChecker(
  PromiseCreateBody,
  {
    title: { minLength: 'Enter a title', maxLength: 'Title must be 200 characters or fewer' },
    quote: {
      minLength: 'Enter the words promised',
      maxLength: 'The words promised must be 5,000 characters or fewer',
    },
    made_by: { minLength: 'Enter who made the promise', '*': 'Enter who made the promise' },
    source_kind: { '*': 'Choose the kind of source' },
    source_url: {
      '*': 'Enter the link to the source as a full web address, like https://example.org/speech',
    },
    source_date: { '*': 'Date of the source must be a real date' },
    theme: { '*': 'Choose a theme' },
    owner: { '*': 'Choose the responsible organisation' },
    deadline: { '*': 'Choose a deadline' },
  },
  (e) => {
    const path = e.instancePath;
    if (path.startsWith('/source/')) return `source_${path.slice('/source/'.length)}`;
    if (path.startsWith('/deadline')) return 'deadline';
    return path.split('/')[1] ?? 'title';
  },
);
