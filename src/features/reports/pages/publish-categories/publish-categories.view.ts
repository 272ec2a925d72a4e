import type { FieldError } from '../../../../platform/errors.js';
import { field, fields } from '../../../../platform/views/forms/form-input.js';
import type { AttributeDefinition } from '../../attributes.js';
import type { Category, CategoryInput } from '../../category.service.js';

// The category form: its fields, and a simple editor of its questions (yes/no, a list, text).

/** Blank question rows the form offers beyond the category's own. */
const SPARE_ROWS = 2;

export type QuestionType = 'yesno' | 'list' | 'text';

export interface QuestionRow {
  code: string;
  text: string;
  type: QuestionType;
  /** For a list: one choice a line, "key: name". */
  values: string;
  required: boolean;
}

export interface CategoryForm {
  code: string;
  name: string;
  group: string;
  description: string;
  keywords: string;
  questions: QuestionRow[];
}

const YES_NO = [
  { key: 'yes', name: 'Yes' },
  { key: 'no', name: 'No' },
];

const blankRow = (): QuestionRow => ({
  code: '',
  text: '',
  type: 'yesno',
  values: '',
  required: false,
});

/** The questions the simple editor can show; the others are kept as they are. */
function rowOf(a: AttributeDefinition): QuestionRow | null {
  if (!a.variable) return null;
  const base = { code: a.code, text: a.description, required: a.required };
  if (a.datatype === 'string' || a.datatype === 'text')
    return { ...base, type: 'text', values: '' };
  if (a.datatype !== 'singlevaluelist') return null;
  const keys = (a.values ?? []).map((v) => v.key).join(',');
  if (keys === 'yes,no') return { ...base, type: 'yesno', values: '' };
  return {
    ...base,
    type: 'list',
    values: (a.values ?? []).map((v) => `${v.key}: ${v.name}`).join('\n'),
  };
}

export const keptQuestions = (category: Category | null): AttributeDefinition[] =>
  (category?.attributes ?? []).filter((a) => rowOf(a) === null);

export function categoryFormOf(category: Category | null): CategoryForm {
  const rows = (category?.attributes ?? []).flatMap((a) => rowOf(a) ?? []);
  return {
    code: category?.code ?? '',
    name: category?.name ?? '',
    group: category?.group ?? '',
    description: category?.description ?? '',
    keywords: (category?.keywords ?? []).join(', '),
    questions: [...rows, ...Array.from({ length: SPARE_ROWS }, blankRow)],
  };
}

export function categoryFormFromBody(body: unknown): CategoryForm {
  const count = Math.min(50, Number(field(body, 'questions')) || 0);
  const required = new Set(fields(body, 'required'));
  return {
    code: field(body, 'code').trim(),
    name: field(body, 'name'),
    group: field(body, 'group'),
    description: field(body, 'description'),
    keywords: field(body, 'keywords'),
    questions: Array.from({ length: count }, (_, i) => {
      const n = String(i + 1);
      const type = field(body, `q-${n}-type`);
      return {
        code: field(body, `q-${n}-code`).trim(),
        text: field(body, `q-${n}-text`).trim(),
        type: type === 'list' || type === 'text' ? type : 'yesno',
        values: field(body, `q-${n}-values`),
        required: required.has(n),
      };
    }),
  };
}

/** The service's input from the form; questions with neither code nor text are left out. */
export function categoryInputOf(
  form: CategoryForm,
  kept: AttributeDefinition[],
): { input: CategoryInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const attributes: AttributeDefinition[] = [];
  form.questions.forEach((q, i) => {
    const n = String(i + 1);
    if (!q.code && !q.text) return;
    if (!q.code || !q.text) {
      errors.push({
        field: `question_${n}`,
        message: `Enter both the code and the text of question ${n}`,
      });
      return;
    }
    let values: { key: string; name: string }[] | undefined;
    if (q.type === 'yesno') values = YES_NO;
    if (q.type === 'list') {
      values = q.values
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) => {
          const at = line.indexOf(':');
          const key = (at < 0 ? line : line.slice(0, at)).trim();
          return { key, name: (at < 0 ? line : line.slice(at + 1)).trim() || key };
        });
      if (values.length < 2) {
        errors.push({
          field: `question_${n}`,
          message: `Give question ${n} at least two choices, one a line`,
        });
      }
    }
    attributes.push({
      code: q.code,
      variable: true,
      datatype: q.type === 'text' ? 'text' : 'singlevaluelist',
      required: q.required,
      datatype_description:
        q.type === 'yesno' ? 'Yes or no' : q.type === 'list' ? 'One of the choices' : 'Text',
      order: i + 1,
      description: q.text,
      ...(values ? { values } : {}),
    });
  });
  const input: CategoryInput = {
    code: form.code,
    name: form.name,
    group: form.group,
    description: form.description,
    keywords: form.keywords
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
    attributes: [
      ...attributes,
      ...kept.map((a, i) => ({ ...a, order: attributes.length + i + 1 })),
    ],
  };
  return { input, errors };
}
