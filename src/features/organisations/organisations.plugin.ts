import type { AppContext } from '../../context.js';
import type { Api } from '../../platform/http/types.js';
import type { OrganisationSection } from './organisation-sections.js';
import { organisationRoutes } from './organisation.routes.js';
import { membersPages } from './pages/members/members.page.js';
import { organisationPage } from './pages/organisation/organisation.page.js';
import { organisationsPage } from './pages/organisations/organisations.page.js';

/** The organisations' API, their public pages and the publisher's members pages. */
export function registerOrganisations(
  app: Api,
  ctx: AppContext,
  sections: readonly OrganisationSection[] = [],
): void {
  organisationRoutes(app, ctx);
  organisationsPage(app, ctx);
  organisationPage(app, ctx, sections);
  membersPages(app, ctx);
}
