import type { DatasetCreateInput } from '../../catalog/index.js';

// The "Citizen reports" dataset as the catalogue lists it: what it holds, how fresh it is and
// how it is anonymised, in the description people read before they download it.

export const CITIZEN_REPORTS_SLUG = 'citizen-reports';
export const CITIZEN_REPORTS_RESOURCE = 'Citizen reports';
export const CITIZEN_REPORTS_FILE = 'citizen-reports.parquet';
export const CITIZEN_REPORTS_RESOURCE_DESCRIPTION =
  'One row per public report, in id order, as Parquet; the query API and the exports (CSV, JSON, Excel, GeoJSON) serve the same rows.';
const THEME = 'service-requests';

export const CITIZEN_REPORTS_DESCRIPTION = `Every public problem report residents have made on this site (potholes, fly-tipping, street lights, bus shelters and more): one row per report, with where it is, the body that answers it, its status and how long it took to fix.

**Fresh**: the data is refreshed within a minute of any change (a new or confirmed report, a status update from the body, a "me too", a moderation); each refresh that changes something is a new version.

**Anonymised**: there are no reporters' names, e-mail addresses, phone numbers or account ids, no addresses typed by reporters, no answers to a category's questions and no photos (only how many are shown). A description a moderator changed is left empty. Reports hidden by moderators and reports their reporter has not yet confirmed are left out.

**Fields**: \`id\` and \`url\` (the report's page); \`category_code\`, \`category\`, \`category_group\`; \`body\` and \`body_name\` (who answers it); \`borough\` (the council whose area holds the point, also for reports answered by a region-wide body); \`ward_code\`, \`ward_name\`; \`latitude\`, \`longitude\` (WGS 84); \`status\`, \`status_label\`, \`is_open\` (1 while still to be dealt with); \`created_at\` (when confirmed), \`status_changed_at\`, \`fixed_at\`; \`days_to_fixed\` (from confirmation to the fix, in days); \`supporters_count\` ("me too"s), \`update_count\` (public updates), \`photo_count\`; \`source\` (web, api, open311); \`description\`. Times are UTC.`;

export interface DatasetContact {
  name: string;
  email: string | null;
}

/** What createDataset is given the first time; `extra` is added to the description. */
export function citizenReportsDataset(
  organisation: { slug: string; name: string },
  themes: ReadonlySet<string>,
  options: {
    extra?: string | undefined;
    contact?: DatasetContact | undefined;
    region?: string | undefined;
  } = {},
): DatasetCreateInput {
  const extra = options.extra ?? '';
  return {
    slug: CITIZEN_REPORTS_SLUG,
    title: 'Citizen reports',
    organisation: organisation.slug,
    // Who answers questions about the data: the owning body, unless someone is named.
    contact: options.contact ?? { name: organisation.name, email: null },
    description: extra ? `${CITIZEN_REPORTS_DESCRIPTION}\n\n${extra}` : CITIZEN_REPORTS_DESCRIPTION,
    licence: 'OGL-UK-3.0',
    tags: ['reports', 'potholes', 'fly-tipping', 'street lights', 'open311'],
    themes: themes.has(THEME) ? [THEME] : [],
    update_frequency: 'continual',
    ...(options.region ? { spatial_coverage: options.region } : {}),
  };
}
