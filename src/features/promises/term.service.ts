import type { AppContext } from '../../context.js';
import { regionSettings } from '../region/index.js';
import { dayOfTerm, isIsoDate, todayIso } from './term.js';

/** The day the mayor took office: the region's `mayorTermStart` setting, if it is a date. */
export async function termStart(ctx: AppContext): Promise<string | null> {
  const settings = await regionSettings(ctx);
  return isIsoDate(settings.mayorTermStart) ? settings.mayorTermStart : null;
}

export async function currentTerm(ctx: AppContext, today = todayIso()) {
  const start = await termStart(ctx);
  return { start, day: start ? dayOfTerm(start, today) : null, today };
}
