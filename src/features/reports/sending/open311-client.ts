import type { AppContext } from '../../../context.js';
import type { CategoryRoute, Report } from '../../../platform/db/schema.js';
import type { Category } from '../category.service.js';

// Sending a report to a body's own GeoReport v2 endpoint, and reading back its updates.

export interface Open311Sent {
  /** The body's service_request_id (null while it only gave a token). */
  externalId: string | null;
}

/** POSTs the report to the route's endpoint; throws on any failure (the job retries). */
export function sendByOpen311(
  _ctx: AppContext,
  _input: { report: Report; category: Category; route: CategoryRoute },
): Promise<Open311Sent> {
  return Promise.reject(new Error('Open311 sending is not built yet'));
}
