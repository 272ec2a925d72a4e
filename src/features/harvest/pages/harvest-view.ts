import { Type } from 'typebox';
import type { AppContext } from '../../../context.js';
import type { HarvestRun, HarvestSourceType } from '../../../platform/db/schema.js';
import { forbidden } from '../../../platform/errors.js';
import { can, type Actor } from '../../accounts/index.js';
import { allOrganisations } from '../../organisations/index.js';

// What the harvest pages share: who may use them, and how sources and runs read.

/** The `{id}` of a source's or a run's page. */
export const IdParam = Type.Object({ id: Type.String({ maxLength: 100 }) });

export const HARVEST_CRUMB = { text: 'Harvest sources', href: '/publish/harvest' };

export const TYPE_LABELS: Record<HarvestSourceType, string> = {
  ckan: 'CKAN',
  dcat: 'DCAT (Turtle)',
  datapress: 'DataPress',
  opendatasoft: 'Opendatasoft',
  socrata: 'Socrata data.json',
};

export interface OrganisationChoice {
  id: string;
  slug: string;
  name: string;
}

/**
 * The organisations whose harvest sources the actor manages (a site administrator: all); 403
 * for someone who administers none, as the list and the form are theirs only.
 */
export async function administered(ctx: AppContext, actor: Actor): Promise<OrganisationChoice[]> {
  const orgs = (await allOrganisations(ctx))
    .filter((o) => can(actor, { type: 'organisation:update', organisationId: o.id }))
    .map((o) => ({ id: o.id, slug: o.slug, name: o.name }));
  if (orgs.length === 0) {
    throw forbidden('Only an organisation’s administrators manage its harvest sources');
  }
  return orgs;
}

/** "every 6 hours", "every day", "at cron 0 6 * * * (UTC)", or "by hand" (no schedule). */
export function scheduleText(minutes: number | null, cron: string | null = null): string {
  if (cron !== null) return `at cron ${cron} (UTC)`;
  if (minutes === null) return 'by hand';
  const [n, unit] =
    minutes % 1440 === 0
      ? [minutes / 1440, 'day']
      : minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute'];
  return n === 1 ? `every ${unit}` : `every ${String(n)} ${unit}s`;
}

/** scheduleText as a sentence's start ("Every day"): Nunjucks' capitalize would lower "UTC". */
export const scheduleLabel = (minutes: number | null, cron: string | null = null): string => {
  const text = scheduleText(minutes, cron);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const STATUS_TAGS: Record<HarvestRun['status'], { text: string; classes: string }> = {
  running: { text: 'Running', classes: 'govuk-tag--blue' },
  succeeded: { text: 'Succeeded', classes: 'govuk-tag--green' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
};

/** A run's status as a GOV.UK tag's params. */
export const statusTag = (status: HarvestRun['status']) => STATUS_TAGS[status];

/** The page number of `?page=` (the route's schema has checked it). */
export const pageNumber = (query: { page?: number | undefined }) => query.page ?? 1;

/** An organisation's name, by its id. */
export const organisationName = async (ctx: AppContext, id: string) =>
  (await allOrganisations(ctx)).find((o) => o.id === id)?.name ?? '';
