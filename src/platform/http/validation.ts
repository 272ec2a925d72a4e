import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const base: Options = {
  // Unknown fields are errors, not silently dropped, so a typo never goes unnoticed.
  removeAdditional: false,
  useDefaults: true,
  // One error at a time: allErrors makes crafted bodies expensive to validate.
  allErrors: false,
  strict: false,
};

function make(options: Options): Ajv {
  const ajv = new Ajv({ ...base, ...options });
  addFormats(ajv);
  return ajv;
}

/**
 * Query strings and paths are text, so they are coerced ("2" -> 2, "a" -> ["a"]); JSON bodies
 * already carry types, so a body's 7 is never accepted as the string "7".
 */
export function validatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const coercing = make({ coerceTypes: 'array' });
  const strictTypes = make({ coerceTypes: false });
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strictTypes : coercing;
    return ajv.compile(schema as object);
  };
}
