import type { AppContext } from '../../context.js';
import { DomainError } from '../../platform/errors.js';
import type { Actor } from '../../features/accounts/index.js';
import { findOrganisation } from '../../features/organisations/index.js';
import type { DemoPromise } from './demo-promise.js';
import { CONNECTIVITY_PROMISES } from './promises-connectivity.js';
import { SERVICE_PROMISES } from './promises-services.js';
import { attachIndicatorToPromise } from '../../features/indicators/index.js';
import {
  changePromiseStatus,
  createPromise,
  findPromise,
  type DeadlineInput,
  addDays,
  todayIso,
  currentTerm,
} from '../../features/promises/index.js';

export const DEMO_PROMISES: readonly DemoPromise[] = [
  ...CONNECTIVITY_PROMISES,
  ...SERVICE_PROMISES,
];

const deadlineOf = (d: DemoPromise['deadline'], start: string): DeadlineInput =>
  d.kind === 'date' ? { kind: 'date', date: addDays(start, d.day) } : d;

async function attach(ctx: AppContext, actor: Actor, slug: string, promiseId: string) {
  try {
    await attachIndicatorToPromise(ctx, actor, slug, promiseId);
  } catch (err) {
    // An indicator whose dataset the demo could not load is simply not there.
    if (!(err instanceof DomainError) || err.kind !== 'not_found') throw err;
  }
}

/**
 * Seeds the demo mayor's promises with their histories, through the real services (so every
 * change is audited), and attaches the demo indicators that measure them. Dates count from the
 * region's term start: the demo's is the real one (May 2024), the same as its data's, so
 * baselines, histories and indicator values line up; changes that would fall in the future
 * are left out. Adds only promises missing by slug; returns
 * how many it created.
 */
export async function seedPromises(ctx: AppContext, actor: Actor): Promise<number> {
  const today = todayIso();
  const { start } = await currentTerm(ctx);
  if (!start) return 0;
  const fresh = await Promise.all(DEMO_PROMISES.map((p) => findPromise(ctx, p.slug)));
  let created = 0;
  for (const [i, p] of DEMO_PROMISES.entries()) {
    if (fresh[i] || !(await findOrganisation(ctx, p.owner))) continue;
    const saved = await createPromise(ctx, actor, {
      slug: p.slug,
      title: p.title,
      quote: p.quote,
      source: {
        kind: p.source.kind,
        url: `https://example.org/demo/${p.source.path}`,
        date: addDays(start, p.source.day),
      },
      made_by: 'The Mayor',
      theme: p.theme,
      deadline: deadlineOf(p.deadline, start),
      owner: p.owner,
    });
    for (const h of p.history) {
      const date = addDays(start, h.day);
      if (date > today) break;
      await changePromiseStatus(ctx, actor, saved.slug, {
        status: h.to,
        rationale: h.why,
        evidence: h.evidence,
        date,
      });
    }
    const promise = await findPromise(ctx, saved.slug);
    for (const slug of p.indicators ?? []) if (promise) await attach(ctx, actor, slug, promise.id);
    created++;
  }
  return created;
}
