/**
 * What went wrong, in the domain's words. Services throw these and know nothing of HTTP; the
 * edge (platform/http/error-handler.ts) maps each kind to a status, for the API and for pages.
 */
export type ErrorKind =
  /** The request cannot be understood: a bad parameter, filter or value. */
  | 'invalid'
  /** Well-formed input that breaks a rule; `details` lists the fields. */
  | 'validation'
  /** Who is asking must be known first. */
  | 'unauthenticated'
  /** Known, but not allowed. */
  | 'forbidden'
  | 'not_found'
  /** The state of things does not allow it (a taken slug, data not loaded yet). */
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  /** Something it depends on did not answer in time. */
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface FieldError {
  field: string;
  message: string;
}

export const badRequest = (message: string, details?: unknown) =>
  new DomainError('invalid', 'bad_request', message, details);
/**
 * A request parameter (or body field) the caller must correct: `invalid_request`, as schema
 * validation answers, with `details` naming the parameter, so a client can tell which one.
 */
export const invalidParameter = (
  parameter: string,
  message: string,
  extra: Record<string, unknown> = {},
) =>
  new DomainError('invalid', 'invalid_request', message, [{ field: parameter, message, ...extra }]);
export const validationFailed = (errors: FieldError[]) =>
  new DomainError(
    'validation',
    'validation_failed',
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  );
export const unauthorized = (message = 'Authentication is required', code = 'unauthorized') =>
  new DomainError('unauthenticated', code, message);
export const forbidden = (message = 'You do not have permission to do that') =>
  new DomainError('forbidden', 'forbidden', message);
export const notFound = (what: string) =>
  new DomainError('not_found', 'not_found', `${what} was not found`);
export const conflict = (message: string, details?: unknown, code = 'conflict') =>
  new DomainError('conflict', code, message, details);
