import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default;

/** The Frictionless v1 profiles, as published (../shared/conformance, never copied here). */
export const FRICTIONLESS_DIR = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'conformance',
  'frictionless-data-package-v1',
);
export const haveFrictionless = existsSync(FRICTIONLESS_DIR);
if (!haveFrictionless) {
  console.warn(`Frictionless profiles not found at ${FRICTIONLESS_DIR}: conformance tests skipped`);
}

export type Profile =
  'data-package' | 'tabular-data-package' | 'data-resource' | 'tabular-data-resource';

/** A validator per profile (JSON Schema draft-04); each returns Ajv's error list, empty if valid. */
export function frictionlessValidators(): Record<Profile, (value: unknown) => string[]> {
  // The profiles carry their editors' own keywords (propertyOrder, context, options).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // A hint for form editors (a multi-line text box), not a constraint.
  ajv.addFormat('textarea', true);
  const make = (profile: Profile) => {
    const schema = JSON.parse(
      readFileSync(path.join(FRICTIONLESS_DIR, `${profile}.json`), 'utf8'),
    ) as object;
    const validate = ajv.compile(schema);
    return (value: unknown) =>
      validate(value)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
  return {
    'data-package': make('data-package'),
    'tabular-data-package': make('tabular-data-package'),
    'data-resource': make('data-resource'),
    'tabular-data-resource': make('tabular-data-resource'),
  };
}
