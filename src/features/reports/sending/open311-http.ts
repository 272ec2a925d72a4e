import type { AppContext } from '../../../context.js';
import {
  OutboundPolicy,
  OutboundRefused,
  requestOutbound,
  type OutboundResponse,
} from '../../../platform/http/outbound.js';
import { PermanentJobError } from '../../../platform/jobs/jobs.js';

// Talking to a body's GeoReport v2 endpoint under the outbound policy (no private addresses
// unless allowed): http(s) only, a time limit, a size limit, no redirects (a redirected POST
// would lose its form, and could carry the api_key elsewhere).
// A refusal (4xx) cannot be mended by trying again; anything else (network, 5xx) can.

export const OPEN311_TIMEOUT_MS = 10_000;
export const OPEN311_MAX_RESPONSE_BYTES = 2_000_000;

export type FormValues = [string, string][];

/** `${base}/${file}` with the query, refusing anything but http(s). */
export function endpointUrl(base: string, file: string, query: FormValues = []): URL {
  let url: URL;
  try {
    url = new URL(`${base.replace(/\/+$/, '')}/${file}`);
  } catch {
    throw new PermanentJobError(`The Open311 endpoint ${base} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PermanentJobError(`The Open311 endpoint ${base} is not http(s)`);
  }
  for (const [k, v] of query) url.searchParams.append(k, v);
  return url;
}

/** The errors' descriptions of an Open311 error answer, else the start of the body. */
function refusalText(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (Array.isArray(parsed)) {
      const said = parsed
        .map((e: unknown) => (e as { description?: unknown } | null)?.description)
        .filter((d): d is string => typeof d === 'string');
      if (said.length > 0) return said.join('; ');
    }
  } catch {
    // Not JSON: shown as it came.
  }
  return body.slice(0, 300);
}

/** GETs or POSTs (form-encoded) and parses the JSON answer; throws as the job should react. */
export async function open311Call(
  ctx: Pick<AppContext, 'config'>,
  url: URL,
  form: FormValues | null,
  what: string,
): Promise<unknown> {
  let response: OutboundResponse;
  try {
    response = await requestOutbound(
      url.href,
      new OutboundPolicy(ctx.config.outboundAllowedPrivate),
      { timeoutMs: OPEN311_TIMEOUT_MS, maxBytes: OPEN311_MAX_RESPONSE_BYTES, maxRedirects: 0 },
      {
        method: form ? 'POST' : 'GET',
        headers: {
          accept: 'application/json',
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
        followRedirects: false,
      },
    );
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    // A private address stays private until the operator allows it: retrying cannot help.
    if (err instanceof OutboundRefused) {
      throw new PermanentJobError(
        `${what}: the Open311 endpoint is refused (${reason}; an operator may allow it in OUTBOUND_ALLOWED_PRIVATE)`,
      );
    }
    throw new Error(`${what}: the Open311 endpoint could not be reached (${reason})`, {
      cause: err,
    });
  }
  const body = response.body.toString('utf8');
  if (response.status >= 300 && response.status < 400) {
    throw new PermanentJobError(
      `${what}: the Open311 endpoint redirected (${response.status}); set its final URL`,
    );
  }
  if (response.status >= 400 && response.status < 500) {
    throw new PermanentJobError(
      `${what}: the Open311 endpoint refused it (${response.status}): ${refusalText(body)}`,
    );
  }
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${what}: the Open311 endpoint failed (${response.status})`);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new Error(`${what}: the Open311 endpoint did not answer JSON`);
  }
}
