import type { FieldError } from '../../platform/errors.js';

// A category's extra questions, as Open311 service definitions describe them, and the checking
// of a reporter's answers against them.

export type AttributeDatatype =
  'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface AttributeDefinition {
  code: string;
  /** Open311 `variable`: false for text shown to the reporter, not a question. */
  variable: boolean;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export type Answers = Record<string, string | string[]>;

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function checkOne(def: AttributeDefinition, raw: string | string[] | undefined): string | null {
  const values = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim());
  const given = values.filter((v) => v !== '');
  if (given.length === 0) return def.required ? 'is required' : null;
  const keys = new Set((def.values ?? []).map((v) => v.key));
  switch (def.datatype) {
    case 'number':
      return given.length === 1 && Number.isFinite(Number(given[0])) ? null : 'must be a number';
    case 'datetime':
      return given.length === 1 &&
        ISO_DATETIME.test(given[0] ?? '') &&
        !Number.isNaN(Date.parse(given[0] ?? ''))
        ? null
        : 'must be a date and time (ISO 8601)';
    case 'singlevaluelist':
      return given.length === 1 && keys.has(given[0] ?? '')
        ? null
        : `must be one of ${[...keys].join(', ')}`;
    case 'multivaluelist':
      return given.every((v) => keys.has(v)) ? null : `must be some of ${[...keys].join(', ')}`;
    case 'string':
    case 'text':
      return given.length === 1 && (given[0] ?? '').length <= 2000
        ? null
        : 'must be one text of up to 2,000 characters';
  }
}

/**
 * Checks answers against the category's questions: required ones answered, values of the
 * right type, list answers among the keys. Answers to unknown codes are errors too (a typo
 * should not silently lose what the reporter said). Returns the answers kept, normalised.
 */
export function checkAnswers(
  definitions: readonly AttributeDefinition[],
  answers: Answers,
): { answers: Answers; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kept: Answers = {};
  const questions = definitions.filter((d) => d.variable);
  const known = new Set(questions.map((d) => d.code));
  for (const code of Object.keys(answers)) {
    if (!known.has(code))
      errors.push({ field: `attribute[${code}]`, message: 'is not a question of this category' });
  }
  for (const def of questions) {
    const raw = answers[def.code];
    const problem = checkOne(def, raw);
    if (problem) {
      errors.push({ field: `attribute[${def.code}]`, message: problem });
      continue;
    }
    if (raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    kept[def.code] = def.datatype === 'multivaluelist' ? values : (values[0] ?? '');
  }
  return { answers: kept, errors };
}
