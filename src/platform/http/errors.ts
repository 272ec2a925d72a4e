/** An error a user can act on: it becomes `{"error": {code, message, details}}` with `status`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
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
  new AppError(400, 'bad_request', message, details);
export const validationFailed = (errors: FieldError[]) =>
  new AppError(
    422,
    'validation_failed',
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  );
export const unauthorized = (message = 'Authentication is required', code = 'unauthorized') =>
  new AppError(401, code, message);
export const forbidden = (message = 'You do not have permission to do that') =>
  new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found`);
export const conflict = (message: string, details?: unknown) =>
  new AppError(409, 'conflict', message, details);
