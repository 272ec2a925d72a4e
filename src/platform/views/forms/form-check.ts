import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from 'typebox';
import type { FieldError } from '../../errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
// The API's own schemas check the forms too, so a form can never store what the API would
// refuse; allErrors, so a form shows every problem at once.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

export type Messages = Record<string, Partial<Record<string, string>>>;

/** A checker of a form's input against an API schema, in the Design System's words. */
export function formChecker(
  schema: TSchema,
  messages: Messages,
  fieldOf: (e: ErrorObject) => string,
): (input: unknown) => FieldError[] {
  const validate: ValidateFunction = ajv.compile(schema);
  return (input) => {
    if (validate(input)) return [];
    const out = new Map<string, string>();
    for (const e of validate.errors ?? []) {
      const f = fieldOf(e);
      if (out.has(f) || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
      const m = messages[f];
      out.set(f, m?.[e.keyword] ?? m?.['*'] ?? `is not valid (${e.message ?? e.keyword})`);
    }
    return [...out].map(([field, message]) => ({ field, message }));
  };
}
