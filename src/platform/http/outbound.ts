import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { type Readable, Transform } from 'node:stream';
import { OutboundPolicy } from './outbound-policy.js';

export { OutboundPolicy };

// Requests the platform makes to addresses a user gave it (a portal to harvest, a link to check,
// a body's webhook or Open311 endpoint). Only http(s); never to a private, loopback or link-local
// address unless the operator allowed it (OUTBOUND_ALLOWED_PRIVATE); every address a name
// resolves to is checked when the connection is made, so a name cannot be pointed at the
// inside after it was checked; redirects are followed by hand and checked again; a time and a
// size limit. An answer is never more than `maxBytes` in memory, and may be read as a stream.

/** A request the policy refuses (the URL, or the address it leads to). */
export class OutboundRefused extends Error {}

/** A request that went out and failed (network, time or size limit, too many redirects). */
export class OutboundFailed extends Error {}

/** An answer longer than the size limit (`limit` bytes). */
export class OutboundTooLarge extends OutboundFailed {
  constructor(
    message: string,
    readonly limit: number,
  ) {
    super(message);
  }
}

export interface OutboundLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface OutboundRequest {
  /** HEAD answers have no body: the stream ends at once. */
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * false: a redirect is answered as it came rather than followed (a signed POST must not be
   * sent on, with its secret, to wherever a redirect points).
   */
  followRedirects?: boolean;
}

export interface OutboundResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** An answer whose body is read as it arrives. */
export interface OutboundStream extends Omit<OutboundResponse, 'body'> {
  body: Readable;
}

/** The URL, if it is one this platform may request at all (http or https, no credentials). */
export function outboundUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused(`${raw} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundRefused(`${raw} is not an http(s) URL`);
  }
  if (url.username || url.password) {
    throw new OutboundRefused(`${raw} carries a user name or password`);
  }
  return url;
}

/** DNS lookup that refuses names leading to addresses the policy does not allow. */
function checkedLookup(policy: OutboundPolicy, host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) {
        callback(err, '', 0);
        return;
      }
      const refused = policy.allowsHost(host)
        ? undefined
        : addresses.find((a) => !policy.allowsAddress(a.address));
      if (refused) {
        callback(
          new OutboundRefused(`${host} leads to ${refused.address}, a private address`),
          '',
          0,
        );
        return;
      }
      if (options.all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        return;
      }
      const first = addresses[0];
      if (!first) callback(new OutboundFailed(`${host} has no address`), '', 0);
      else callback(null, first.address, first.family);
    });
  };
}

/** One request and its answer as a stream, without following redirects. */
function once(
  url: URL,
  policy: OutboundPolicy,
  limits: OutboundLimits,
  request: OutboundRequest,
  deadline: number,
): Promise<OutboundStream> {
  const literal = isIP(url.hostname.replace(/^\[|\]$/g, ''));
  if (literal && !policy.allowsHost(url.hostname)) {
    if (!policy.allowsAddress(url.hostname.replace(/^\[|\]$/g, ''))) {
      return Promise.reject(new OutboundRefused(`${url.hostname} is a private address`));
    }
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let body: Transform | undefined;
    const fail = (err: Error) => {
      clearTimeout(timer);
      req.destroy();
      const failed =
        err instanceof OutboundRefused || err instanceof OutboundFailed
          ? err
          : new OutboundFailed(`${url.host}: ${err.message}`);
      // Before the answer: the promise fails; after it: the body the caller is reading does.
      if (body) body.destroy(failed);
      else reject(failed);
    };
    const late = () => {
      fail(new OutboundFailed(`${url.host} did not answer within ${limits.timeoutMs} ms`));
    };
    const timer = setTimeout(late, Math.max(1, deadline - Date.now()));
    const req = client.request(
      url,
      {
        method: request.method ?? 'GET',
        headers: request.headers,
        lookup: checkedLookup(policy, url.hostname),
      },
      (res) => {
        let size = 0;
        const limited = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            size += chunk.length;
            if (size > limits.maxBytes) {
              done(
                new OutboundTooLarge(
                  `${url.host} answered more than ${limits.maxBytes} bytes`,
                  limits.maxBytes,
                ),
              );
              return;
            }
            done(null, chunk);
          },
        });
        body = limited;
        // A body failed by the time limit must not crash a caller that stopped listening.
        limited.on('error', () => undefined);
        limited.on('close', () => {
          clearTimeout(timer);
          if (!res.complete) req.destroy();
        });
        res.on('error', fail);
        res.pipe(limited);
        resolve({
          url: url.href,
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: limited,
        });
      },
    );
    req.on('error', fail);
    req.end(request.body);
  });
}

/**
 * Requests `raw` under `policy` and `limits`, following up to `limits.maxRedirects` redirects
 * (each checked like the first; a POST redirected by 301-303 becomes a GET without its body,
 * as browsers do), and answers with the body as a stream: the time limit covers the whole
 * exchange, the body's reading included, and a body past `maxBytes` fails with OutboundTooLarge.
 * The caller reads the body to its end or destroys it.
 */
export async function streamOutbound(
  raw: string,
  policy: OutboundPolicy,
  limits: OutboundLimits,
  request: OutboundRequest = {},
): Promise<OutboundStream> {
  const deadline = Date.now() + limits.timeoutMs;
  let url = outboundUrl(raw);
  let current = request;
  for (let hops = 0; ; hops++) {
    const res = await once(url, policy, limits, current, deadline);
    const location = res.headers.location;
    if (res.status < 300 || res.status >= 400 || res.status === 304 || !location) return res;
    if (request.followRedirects === false) return res;
    res.body.destroy();
    if (hops >= limits.maxRedirects) {
      throw new OutboundFailed(`${raw} redirected more than ${limits.maxRedirects} times`);
    }
    const next = outboundUrl(new URL(location, url).href);
    if (res.status !== 307 && res.status !== 308 && current.method === 'POST') {
      current = { headers: current.headers ?? {} };
    }
    // Credentials stay with the origin they were meant for.
    if (next.origin !== url.origin && current.headers) {
      current = {
        ...current,
        headers: Object.fromEntries(
          Object.entries(current.headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
        ),
      };
    }
    url = next;
  }
}

/** As `streamOutbound`, with the whole answer read into memory (never more than `maxBytes`). */
export async function requestOutbound(
  raw: string,
  policy: OutboundPolicy,
  limits: OutboundLimits,
  request: OutboundRequest = {},
): Promise<OutboundResponse> {
  const res = await streamOutbound(raw, policy, limits, request);
  const chunks: Buffer[] = [];
  for await (const chunk of res.body) chunks.push(chunk as Buffer);
  return { url: res.url, status: res.status, headers: res.headers, body: Buffer.concat(chunks) };
}
