import { createHmac } from 'node:crypto';
import type { AppContext } from '../../../context.js';
import {
  OutboundPolicy,
  OutboundRefused,
  requestOutbound,
  type OutboundResponse,
} from '../../../platform/http/outbound.js';
import { PermanentJobError } from '../../../platform/jobs/jobs.js';
import { outgoingReport, type Dispatch } from './outgoing-report.js';

// A report POSTed as JSON to a body's own system. The body checks it came from us with the
// HMAC-SHA256 of the raw body under the route's secret, and drops repeats by the delivery id
// (the job's id, the same on every attempt). docs/api.md shows a receiver.

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** The most of a receiver's answer read (only its start is kept, for an error). */
const WEBHOOK_MAX_ANSWER_BYTES = 1_000_000;
/** 4xx answers that may mend themselves; every other 4xx means the request itself is refused. */
const RETRYABLE_4XX = new Set([408, 429]);

export function webhookSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** The first few hundred characters of the answer, for the error an administrator reads. */
function answerSnippet(body: Buffer): string {
  const one = body.toString('utf8').replace(/\s+/g, ' ').trim();
  return one.length > 300 ? `${one.slice(0, 300)}…` : one;
}

function webhookUrl(destination: string): URL {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    throw new PermanentJobError(`The webhook address ${destination} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PermanentJobError(`The webhook address must be http(s), not ${url.protocol}`);
  }
  return url;
}

/** POSTs the report; throws on any failure (PermanentJobError when retrying cannot help). */
export async function sendByWebhook(ctx: AppContext, d: Dispatch): Promise<void> {
  const url = webhookUrl(d.route.destination);
  if (!d.route.secret) throw new PermanentJobError('The webhook route has no secret to sign with');
  const payload = await outgoingReport(ctx, d);
  const body = JSON.stringify({ event: 'report.created', ...payload });
  let res: OutboundResponse;
  try {
    res = await requestOutbound(
      url.href,
      new OutboundPolicy(ctx.config.outboundAllowedPrivate),
      { timeoutMs: WEBHOOK_TIMEOUT_MS, maxBytes: WEBHOOK_MAX_ANSWER_BYTES, maxRedirects: 0 },
      {
        method: 'POST',
        body,
        // A redirect is the body's configuration to fix, not something to follow with our
        // signature.
        followRedirects: false,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Metrodata-Webhook/1',
          'x-metrodata-signature': webhookSignature(d.route.secret, body),
          'x-metrodata-timestamp': String(Math.floor(Date.now() / 1000)),
          'x-metrodata-delivery': d.deliveryId,
        },
      },
    );
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    // A private address stays private until the operator allows it: retrying cannot help.
    if (err instanceof OutboundRefused) {
      throw new PermanentJobError(
        `The webhook ${url.origin} is refused: ${reason} (an operator may allow it in OUTBOUND_ALLOWED_PRIVATE)`,
      );
    }
    throw new Error(`The webhook ${url.origin} could not be reached: ${reason}`, { cause: err });
  }
  if (res.status >= 200 && res.status < 300) return;
  const snippet = answerSnippet(res.body);
  const message = `The webhook ${url.origin} answered ${String(res.status)}${snippet ? `: ${snippet}` : ''}`;
  const refused =
    (res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status)) ||
    (res.status >= 300 && res.status < 400);
  throw refused ? new PermanentJobError(message) : new Error(message);
}
