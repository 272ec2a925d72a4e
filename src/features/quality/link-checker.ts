import { setTimeout as sleep } from 'node:timers/promises';
import type { AppContext } from '../../context.js';
import {
  OutboundPolicy,
  OutboundRefused,
  streamOutbound,
  type OutboundLimits,
} from '../../platform/http/outbound.js';
import { saveLinkCheck, type LinkToCheck } from './link-check.repository.js';
import { linksDue } from './links-due.js';
import { scoreInBatches } from './quality-rescore.js';

// Checks resource links through the platform's outbound client (private addresses refused
// unless the operator allowed them, time and size limits): HEAD first, GET when HEAD is refused
// or fails (many servers answer HEAD with 405 or 403), never more than one request a second to
// the same host. The body of a GET is not read: the status is what counts.

/** At most one request per host per this many milliseconds. */
export const HOST_SPACING_MS = 1000;
/** Links one pass checks at most; the rest wait for the next pass. */
export const LINKS_PER_PASS = 200;

interface Outcome {
  status: number | null;
  error: string | null;
}

async function ask(
  url: string,
  method: 'HEAD' | 'GET',
  policy: OutboundPolicy,
  limits: OutboundLimits,
): Promise<Outcome> {
  try {
    const res = await streamOutbound(url, policy, limits, {
      method,
      headers: { 'user-agent': 'Metrodata link checker' },
    });
    res.body.destroy();
    return { status: res.status, error: null };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      status: null,
      error: err instanceof OutboundRefused ? `refused: ${message}` : message,
    };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** Checks these links, host by host at the allowed pace (hosts side by side), and records each. */
export async function checkLinks(ctx: AppContext, links: readonly LinkToCheck[]): Promise<void> {
  const policy = new OutboundPolicy(ctx.config.outboundAllowedPrivate);
  const limits: OutboundLimits = {
    timeoutMs: ctx.config.qualityLinkTimeoutMs,
    maxBytes: 1_000_000,
    maxRedirects: 5,
  };
  const byHost = new Map<string, LinkToCheck[]>();
  for (const link of links) {
    const host = hostOf(link.url);
    byHost.set(host, [...(byHost.get(host) ?? []), link]);
  }
  const checkHost = async (queue: LinkToCheck[]) => {
    let last = 0;
    const paced = async (url: string, method: 'HEAD' | 'GET') => {
      const wait = last + HOST_SPACING_MS - Date.now();
      if (wait > 0) await sleep(wait);
      last = Date.now();
      return ask(url, method, policy, limits);
    };
    for (const link of queue) {
      const started = Date.now();
      let outcome = await paced(link.url, 'HEAD');
      const refused = outcome.error?.startsWith('refused:') ?? false;
      if (!refused && (outcome.status === null || outcome.status >= 400)) {
        outcome = await paced(link.url, 'GET');
      }
      const checkedAt = new Date().toISOString();
      await saveLinkCheck(ctx.db.kysely, {
        resource_id: link.resource_id,
        url: link.url,
        status: outcome.status,
        error: outcome.error,
        duration_ms: Date.now() - started,
        checked_at: checkedAt,
        scheduled_from: checkedAt,
      });
    }
  };
  await Promise.all([...byHost.values()].map(checkHost));
}

/** Checks the links that are due (links-due.ts: never checked, changed, or older than the interval). */
export async function checkDueLinks(ctx: AppContext, now = new Date()): Promise<number> {
  const hours = ctx.config.qualityLinkCheckIntervalH;
  if (hours === 0) return 0;
  const before = new Date(now.getTime() - hours * 3_600_000).toISOString();
  const due = await linksDue(ctx.db.kysely, before, LINKS_PER_PASS);
  await checkLinks(ctx, due);
  // Checks are not in the catalogue's change log: their datasets are scored here.
  await scoreInBatches(ctx, [...new Set(due.map((l) => l.dataset_id))]);
  return due.length;
}
