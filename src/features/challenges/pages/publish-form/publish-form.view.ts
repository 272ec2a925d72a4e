import type { FieldError } from '../../../../platform/errors.js';
import { formChecker } from '../../../../platform/views/forms/form-check.js';
import {
  datePartsFrom,
  datePartsOf,
  emptyDate,
  isoDateOf,
  type DateParts,
} from '../../../../platform/views/forms/form-date.js';
import { field } from '../../../../platform/views/forms/form-input.js';
import { datasetSlugsOf } from '../../../catalog/index.js';
import { ChallengeCreateBody, type ChallengeCreateInput } from '../../challenge.schemas.js';

// The challenge form. The deadline is a day: entries close at the end of it (23:59:59 UTC).

export interface ChallengeForm {
  organisation: string;
  title: string;
  problem: string;
  criteria: string;
  prize: string;
  deadline: DateParts;
  datasets: string;
  promise: string;
  state: string;
}

export const LABELS = {
  organisation: { label: 'Organisation' },
  title: { label: 'Title' },
  problem: { label: 'The problem' },
  criteria: { label: 'How entries are judged' },
  prize: { label: 'Prize' },
  deadline: { label: 'Deadline', id: 'deadline-day' },
  datasets: { label: 'Datasets' },
  promise: { label: 'Promise' },
  state: { label: 'Publish', id: 'state' },
  slug: { label: 'Address', id: 'title' },
};

export const blankChallengeForm = (organisation: string): ChallengeForm => ({
  organisation,
  title: '',
  problem: '',
  criteria: '',
  prize: '',
  deadline: emptyDate(),
  datasets: '',
  promise: '',
  state: 'draft',
});

export const challengeFormFromBody = (body: unknown): ChallengeForm => ({
  organisation: field(body, 'organisation'),
  title: field(body, 'title'),
  problem: field(body, 'problem'),
  criteria: field(body, 'criteria'),
  prize: field(body, 'prize'),
  deadline: datePartsFrom(body, 'deadline'),
  datasets: field(body, 'datasets'),
  promise: field(body, 'promise').trim(),
  state: field(body, 'state') || 'draft',
});

interface Saved {
  organisation: { slug: string };
  title: string;
  problem: string;
  criteria: string;
  prize: string | null;
  deadline: string;
  datasets: { slug: string }[];
  promise: { slug: string } | null;
  status: string;
}

export const challengeFormOf = (c: Saved): ChallengeForm => ({
  organisation: c.organisation.slug,
  title: c.title,
  problem: c.problem,
  criteria: c.criteria,
  prize: c.prize ?? '',
  deadline: datePartsOf(c.deadline.slice(0, 10)),
  datasets: c.datasets.map((d) => d.slug).join('\n'),
  promise: c.promise?.slug ?? '',
  state: c.status === 'draft' ? 'draft' : 'published',
});

const check = formChecker(
  ChallengeCreateBody,
  {
    organisation: { '*': 'Choose the organisation that sets the challenge' },
    title: { minLength: 'Enter a title', maxLength: 'Title must be 200 characters or fewer' },
    problem: { minLength: 'Describe the problem', '*': 'The problem is too long' },
    criteria: { minLength: 'Say how entries are judged', '*': 'The criteria are too long' },
    prize: { '*': 'Prize must be 500 characters or fewer' },
    deadline: { '*': 'Enter the deadline' },
    promise: { '*': 'Enter the promise’s short name (the end of its address)' },
  },
  (e) => e.instancePath.split('/')[1] ?? 'title',
);

/** The form as the API's input, and what is wrong with it. */
export function challengeInputOf(form: ChallengeForm): {
  input: ChallengeCreateInput;
  errors: FieldError[];
} {
  const day = isoDateOf(form.deadline, 'deadline', 'Deadline');
  const errors: FieldError[] = day.error ? [day.error] : [];
  if (!day.error && day.value === null)
    errors.push({ field: 'deadline', message: 'Enter the deadline' });
  const input: ChallengeCreateInput = {
    organisation: form.organisation,
    title: form.title.trim(),
    problem: form.problem.trim(),
    criteria: form.criteria.trim(),
    prize: form.prize.trim() || null,
    deadline: day.value ? `${day.value}T23:59:59.000Z` : '',
    datasets: datasetSlugsOf(form.datasets),
    promise: form.promise === '' ? null : form.promise,
    state: form.state === 'published' ? 'published' : 'draft',
  };
  // Datasets are named as typed (an address or a short name): the service names each one it
  // does not find, so the schema checks only how many there are.
  const schema = check({ ...input, datasets: [] }).filter((e) => e.field !== 'deadline');
  if ((input.datasets?.length ?? 0) > 20) {
    errors.push({ field: 'datasets', message: 'Offer at most 20 datasets' });
  }
  // The summary lists problems in the order of the fields on the form.
  const order = Object.keys(LABELS);
  const all = [...errors, ...schema].sort(
    (a, b) => order.indexOf(a.field) - order.indexOf(b.field),
  );
  return { input, errors: all };
}
