import type { AppContext } from '../../context.js';
import type { PromiseStatus } from '../../platform/db/schema.js';
import type { Actor } from '../accounts/index.js';
import { findResource } from '../catalog/index.js';
import {
  combineStatuses,
  type IndicatorSummary,
  listIndicatorsForPromise,
} from '../indicators/index.js';

/** An indicator of a promise as the indicator service computes it, and the data behind it. */
export interface PromiseIndicatorView extends IndicatorSummary {
  dataset: { slug: string; title: string; url: string } | null;
  /** The resource's table page: the rows the indicator is computed from. */
  resource_url: string | null;
}

async function behind(ctx: AppContext, resourceId: string) {
  const found = await findResource(ctx, resourceId);
  if (!found) return { dataset: null, resource_url: null };
  const { resource, dataset } = found;
  const path = `/datasets/${encodeURIComponent(dataset.slug)}`;
  return {
    dataset: { slug: dataset.slug, title: dataset.title, url: path },
    resource_url: `${path}/resources/${encodeURIComponent(resource.id)}`,
  };
}

/**
 * The indicators of a promise, from the indicator service (which computes them and leaves out
 * any over data the actor cannot read, so the dataset looked up here is readable).
 */
export async function indicatorsOfPromise(
  ctx: AppContext,
  actor: Actor,
  promiseId: string,
): Promise<PromiseIndicatorView[]> {
  const summaries = await listIndicatorsForPromise(ctx, actor, promiseId);
  return Promise.all(summaries.map(async (s) => ({ ...s, ...(await behind(ctx, s.resource_id)) })));
}

/** One suggestion from a promise's indicators (the indicator service's rule); null without any. */
export function combinedSuggestion(indicators: PromiseIndicatorView[]): PromiseStatus | null {
  if (indicators.length === 0) return null;
  return combineStatuses(indicators.map((i) => i.suggested_status));
}
