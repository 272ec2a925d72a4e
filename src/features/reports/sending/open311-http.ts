import { PermanentJobError } from '../../../platform/jobs/jobs.js';

// Talking to a body's GeoReport v2 endpoint: http(s) only, a time limit, a size limit, no
// redirects (a redirected POST would lose its form, and could carry the api_key elsewhere).
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

/** The body as text, stopping at the size limit. */
async function readLimited(response: Response): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > OPEN311_MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new Error(
        `The Open311 endpoint answered more than ${OPEN311_MAX_RESPONSE_BYTES} bytes`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
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
  url: URL,
  form: FormValues | null,
  what: string,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: {
        accept: 'application/json',
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : null,
      redirect: 'manual',
      signal: AbortSignal.timeout(OPEN311_TIMEOUT_MS),
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`${what}: the Open311 endpoint could not be reached (${reason})`, {
      cause: err,
    });
  }
  const body = await readLimited(response);
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
  if (!response.ok) {
    throw new Error(`${what}: the Open311 endpoint failed (${response.status})`);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new Error(`${what}: the Open311 endpoint did not answer JSON`);
  }
}
