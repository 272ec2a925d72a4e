import { DomainError, notFound } from '../../../../platform/errors.js';

/** CKAN's answer for a resource with no table in the datastore yet: 404, not a conflict. */
export async function asCkanNotFound<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not_loaded') throw notFound('Resource');
    throw err;
  }
}
