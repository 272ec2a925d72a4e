import type { AppContext } from '../../context.js';

/** A section another feature adds to an organisation's page: a heading, a line, a list. */
export interface OrganisationPanel {
  heading: string;
  intro: string;
  items: { text: string; href: string; hint: string }[];
  link: { text: string; href: string } | null;
}

/**
 * What the organisations' page asks of features above it (data requests: the body's overdue
 * requests). app.ts hands these in, so this feature imports none of them; null: nothing to say.
 */
export type OrganisationSection = (
  ctx: AppContext,
  org: { id: string; slug: string; name: string },
) => Promise<OrganisationPanel | null>;
