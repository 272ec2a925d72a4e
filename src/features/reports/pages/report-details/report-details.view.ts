import type { FieldError } from '../../../../platform/errors.js';
import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import type { AttributeDefinition, Answers } from '../../attributes.js';
import type { Category } from '../../category.service.js';

// The details form as typed (kept when it comes back with errors), the category's questions as
// GOV.UK components by their Open311 datatype, and the services' errors in the form's words.

export interface DetailsForm {
  description: string;
  answers: Answers;
  name: string;
  showName: boolean;
  email: string;
  phone: string;
}

export const blankDetails = (): DetailsForm => ({
  description: '',
  answers: {},
  name: '',
  showName: false,
  email: '',
  phone: '',
});

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x) => x !== '');

const ATTRIBUTE_FIELD = /^attribute\[([A-Za-z0-9_-]{1,64})\]$/;

/** The form from the posted fields; answers only to the category's own questions are kept. */
export function detailsFromFields(
  fields: Record<string, string | string[]>,
  questions: readonly AttributeDefinition[],
): DetailsForm {
  const answers: Answers = {};
  const byCode = new Map(questions.map((q) => [q.code, q] as const));
  for (const [name, value] of Object.entries(fields)) {
    const code = ATTRIBUTE_FIELD.exec(name)?.[1];
    const question = code ? byCode.get(code) : undefined;
    if (!code || !question) continue;
    answers[code] = question.datatype === 'multivaluelist' ? many(value) : one(value);
  }
  return {
    description: one(fields.description),
    answers,
    name: one(fields.name).trim(),
    showName: one(fields.show_name) === 'yes',
    email: one(fields.email).trim(),
    phone: one(fields.phone).trim(),
  };
}

const attributeId = (code: string) => `attribute-${code.replace(/[^A-Za-z0-9-]/g, '-')}`;

/** The category's questions, in their order, as the template draws them. */
export function questionsView(category: Category, answers: Answers) {
  return [...category.attributes]
    .sort((a, b) => a.order - b.order)
    .map((q) => {
      const answer = answers[q.code];
      const chosen = new Set(many(answer));
      const control = !q.variable
        ? 'note'
        : q.datatype === 'singlevaluelist'
          ? 'radios'
          : q.datatype === 'multivaluelist'
            ? 'checkboxes'
            : q.datatype === 'text'
              ? 'textarea'
              : 'input';
      return {
        code: q.code,
        name: `attribute[${q.code}]`,
        id: attributeId(q.code),
        control,
        label: `${q.description}${q.required ? '' : ' (optional)'}`,
        hint:
          q.datatype === 'datetime'
            ? 'A date, or a date and time, for example 2026-04-30 or 2026-04-30T14:30'
            : q.datatype_description && !['singlevaluelist', 'multivaluelist'].includes(q.datatype)
              ? q.datatype_description
              : '',
        inputmode: q.datatype === 'number' ? 'decimal' : undefined,
        value: one(answer),
        items: (q.values ?? []).map((v, i) => ({
          value: v.key,
          text: v.name,
          checked: chosen.has(v.key),
          // The first option carries the question's id, for the error summary's link.
          ...(i === 0 ? { id: attributeId(q.code) } : {}),
        })),
      };
    });
}

export function detailsLabels(category: Category): FieldLabels {
  // In the form's order, which the error summary follows.
  const labels: FieldLabels = { description: { label: 'Description', id: 'description' } };
  for (const q of [...category.attributes].sort((a, b) => a.order - b.order)) {
    labels[`attribute[${q.code}]`] = { label: q.description, id: attributeId(q.code) };
  }
  return {
    ...labels,
    photos: { label: 'Photos', id: 'photos' },
    name: { label: 'Name', id: 'name' },
    email: { label: 'E-mail address', id: 'email' },
    phone: { label: 'Phone number', id: 'phone' },
    category: { label: 'Problem', id: 'description' },
  };
}

/** The errors in the order of the form's fields. */
export function inFormOrder(errors: FieldError[], labels: FieldLabels): FieldError[] {
  const order = Object.keys(labels);
  const rank = (e: FieldError) => {
    const i = order.indexOf(e.field);
    return i < 0 ? order.length : i;
  };
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

/** The services' terse messages as the Design System words them. */
export function rewordDetailsErrors(errors: FieldError[], category: Category): FieldError[] {
  const questions = new Map<string, AttributeDefinition>(
    category.attributes.map((q) => [`attribute[${q.code}]`, q]),
  );
  return errors.map((e) => {
    const question = questions.get(e.field);
    if (question && e.message === 'is required') {
      return { field: e.field, message: `Answer “${question.description}”` };
    }
    if (question) return { field: e.field, message: `${question.description}: ${e.message}` };
    const words: Record<string, string> = {
      'description:is required': 'Describe the problem',
      'email:is required to confirm the report':
        'Enter your e-mail address: we send you a link to confirm the report',
      'email:is not an e-mail address': 'Enter an e-mail address like name@example.com',
      'name:is required to show your name': 'Enter your name to show it on the report',
    };
    const message = words[`${e.field}:${e.message}`];
    return message ? { field: e.field, message } : e;
  });
}
