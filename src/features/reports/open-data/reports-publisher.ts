import type { AppContext } from '../../../context.js';
import { automaticPublisher, type Actor } from '../../accounts/index.js';

// Who publishes the Citizen reports dataset: an automatic publisher (accounts), editor of the
// dataset's owner, the combined authority.

export const REPORTS_PUBLISHER = {
  email: 'citizen-reports@metrodata.invalid',
  name: 'Citizen reports (automatic publishing)',
} as const;

/** The publisher acting for this organisation (made its editor if it is not yet a member). */
export const reportsPublisher = (ctx: AppContext, organisationId: string): Promise<Actor> =>
  automaticPublisher(ctx, REPORTS_PUBLISHER, organisationId);
