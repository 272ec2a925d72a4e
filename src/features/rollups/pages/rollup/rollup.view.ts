import type { MemberViewData, RollupViewData } from '../../rollup.view.js';

// The roll-up page's lists: the members in the combined table, the ones failing (each with
// its report), those not checked yet; and reading a resource id from what a person pastes.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The resource id in a pasted address (`…/resources/<id>`) or an id on its own. */
export function resourceIdIn(text: string): string | null {
  return UUID.exec(text.trim())?.[0]?.toLowerCase() ?? null;
}

const STATUS_TAGS = {
  pass: { text: 'Passes', classes: 'govuk-tag--green' },
  warn: { text: 'Passes with warnings', classes: 'govuk-tag--yellow' },
  fail: { text: 'Fails', classes: 'govuk-tag--red' },
  pending: { text: 'Not checked yet', classes: 'govuk-tag--grey' },
} as const;

const withTag = (m: MemberViewData) => ({ ...m, tag: STATUS_TAGS[m.status] });

export function memberGroups(view: RollupViewData) {
  return {
    included: view.members.filter((m) => m.status !== 'fail' && m.included).map(withTag),
    failing: view.members.filter((m) => m.status === 'fail').map(withTag),
    waiting: view.members.filter((m) => m.status !== 'fail' && !m.included).map(withTag),
  };
}
