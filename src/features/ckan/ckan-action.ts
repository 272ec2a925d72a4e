import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { DomainError } from '../../platform/errors.js';
import type { Actor } from '../accounts/index.js';

// What a CKAN action is here: a name, its help text and a function of the call's parameters.
// Parameters come from the query string (GET, all strings) or the JSON body (POST, typed), so
// the readers below accept both, as CKAN's own validators do.

export interface CkanCall {
  ctx: AppContext;
  actor: Actor;
  /** The action's parameters: the query string of a GET, the JSON body of a POST. */
  params: Record<string, unknown>;
  request: FastifyRequest;
}

export interface CkanAction {
  name: string;
  /** The docstring help_show answers, as CKAN's are: what it does and its parameters. */
  help: string;
  /** Changes data, so answers only POST (CKAN's actions that are not "side-effect free"). */
  post?: boolean;
  run: (call: CkanCall) => Promise<unknown>;
}

/**
 * A CKAN "Validation Error" (409) naming the field, as CKAN answers `{"id": ["Missing value"]}`.
 * Thrown as a domain error so services' own validation errors map the same way.
 */
export const ckanValidation = (field: string, message: string) =>
  new DomainError('validation', 'validation_failed', `${field}: ${message}`, [{ field, message }]);

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** A text parameter; `required` answers CKAN's "Missing value" when it is absent or empty. */
export function str(call: CkanCall, name: string, required: true): string;
export function str(call: CkanCall, name: string, required?: false): string | undefined;
export function str(call: CkanCall, name: string, required = false): string | undefined {
  const v = call.params[name];
  if (!present(v)) {
    if (required) throw ckanValidation(name, 'Missing value');
    return undefined;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw ckanValidation(name, 'Must be a string');
}

/** A whole number within bounds, CKAN's "Invalid integer" / "Must be at most" otherwise. */
export function int(
  call: CkanCall,
  name: string,
  bounds: { default: number; min?: number; max?: number },
): number {
  const v = call.params[name];
  if (!present(v)) return bounds.default;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  if (!Number.isSafeInteger(n)) throw ckanValidation(name, 'Invalid integer');
  if (bounds.min !== undefined && n < bounds.min) {
    throw ckanValidation(name, `Must be a natural number greater than or equal to ${bounds.min}`);
  }
  if (bounds.max !== undefined && n > bounds.max) {
    throw ckanValidation(name, `Must be less than or equal to ${bounds.max}`);
  }
  return n;
}

/** CKAN's boolean: true/false (any case), yes/no, on/off, 1/0, or a JSON boolean. */
export function bool(call: CkanCall, name: string, fallback: boolean): boolean {
  const v = call.params[name];
  if (!present(v)) return fallback;
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  if (['true', 'yes', 'on', '1', 't', 'y'].includes(s)) return true;
  if (['false', 'no', 'off', '0', 'f', 'n'].includes(s)) return false;
  throw ckanValidation(name, 'Value must be one of: true, false');
}

/**
 * A structured parameter: the value of a POST body, or JSON text in a query string (CKAN's
 * clients send `facet.field=["tags"]` and `filters={"ward":"Ancoats"}` that way).
 */
export function json(call: CkanCall, name: string): unknown {
  const v = call.params[name];
  if (!present(v)) return undefined;
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw ckanValidation(name, 'Cannot parse JSON');
  }
}
