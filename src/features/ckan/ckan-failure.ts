// A failure an action words itself, where CKAN's answer is more than a message and a list of
// messages per field: nested errors of inline resources, the `query`/`info` of refused SQL.

export class CkanFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: Record<string, unknown> & { __type: string },
  ) {
    super(typeof error.message === 'string' ? error.message : error.__type);
  }
}

/** CKAN's 409 Validation Error with these field errors (which may nest, as resources' do). */
export const ckanInvalid = (fields: Record<string, unknown>, message = 'Validation Error') =>
  new CkanFailure(409, { __type: 'Validation Error', message, ...fields });
