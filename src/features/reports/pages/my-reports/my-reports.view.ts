import { ownReportJson } from '../../report-owner.view.js';
import type { OwnReport } from '../../report-owner.service.js';

const STATE_TEXT = {
  unconfirmed: 'Waiting for you to confirm it by e-mail',
  confirmed: null,
  hidden: 'Hidden by a moderator',
} as const;

/** One of the resident's reports as their pages show it. */
export function ownReportRow(own: OwnReport, baseUrl: string) {
  const json = ownReportJson(own, baseUrl);
  return {
    ...json,
    category: json.category.name,
    body: json.body.name,
    // Only a confirmed report has a public page.
    href: own.report.state === 'confirmed' ? `/reports/${json.id}` : null,
    manageHref: `/account/reports/${json.id}`,
    stateText: STATE_TEXT[own.report.state],
    summary:
      json.description.length > 120 ? `${json.description.slice(0, 117)}…` : json.description,
    canAnonymise: own.canAnonymise,
  };
}
