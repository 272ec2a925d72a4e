import type { AppContext } from '../../context.js';
import { now } from '../../platform/ids.js';
import { findRegion, upsertRegion } from '../region/region.repository.js';
import { dayOfTerm, isIsoDate, todayIso } from './term.js';

/** The day the mayor took office: the region's `mayorTermStart` setting, if it is a date. */
export async function termStart(ctx: AppContext): Promise<string | null> {
  const region = await findRegion(ctx.db.kysely);
  if (!region) return null;
  const settings = JSON.parse(region.settings) as Record<string, unknown>;
  return isIsoDate(settings.mayorTermStart) ? settings.mayorTermStart : null;
}

export async function currentTerm(ctx: AppContext, today = todayIso()) {
  const start = await termStart(ctx);
  return { start, day: start ? dayOfTerm(start, today) : null, today };
}

/** Sets the term start in the region's settings (the demo does, relative to its seed date). */
export async function setTermStart(ctx: AppContext, start: string): Promise<void> {
  const region = await findRegion(ctx.db.kysely);
  if (!region) return;
  const settings = JSON.parse(region.settings) as Record<string, unknown>;
  await upsertRegion(ctx.db.kysely, {
    ...region,
    settings: JSON.stringify({ ...settings, mayorTermStart: start }),
    updated_at: now(),
  });
}

/** Whether the region is the synthetic demo (whose term the demo may move). */
export async function isDemoRegion(ctx: AppContext): Promise<boolean> {
  const region = await findRegion(ctx.db.kysely);
  return region ? (JSON.parse(region.settings) as { demo?: unknown }).demo === true : false;
}
