import type { ChallengeStatus } from '../challenge-status.js';

/** The GOV.UK tag colour of each status, so the list and the page agree. */
export const STATUS_TAG: Record<ChallengeStatus, string> = {
  draft: 'govuk-tag--grey',
  open: 'govuk-tag--green',
  judging: 'govuk-tag--yellow',
  decided: 'govuk-tag--blue',
  cancelled: 'govuk-tag--red',
};
