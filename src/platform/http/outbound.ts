import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// Requests the platform makes to addresses a user gave it (a portal to harvest, a body's
// webhook or Open311 endpoint). Only http(s); never to a private, loopback or link-local
// address unless the operator allowed it (OUTBOUND_ALLOWED_PRIVATE); every address a name
// resolves to is checked when the connection is made, so a name cannot be pointed at the
// inside after it was checked; redirects are followed by hand and checked again; a time and a
// size limit. An answer is never more than `maxBytes` in memory.

/** A request the policy refuses (the URL, or the address it leads to). */
export class OutboundRefused extends Error {}

/** A request that went out and failed (network, time or size limit, too many redirects). */
export class OutboundFailed extends Error {}

export interface OutboundLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface OutboundRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface OutboundResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Networks no user-given URL may reach by default (RFC 6890 special-purpose and the like). */
const SPECIAL: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const special = new BlockList();
for (const [net, prefix, type] of SPECIAL) special.addSubnet(net, prefix, type);

/**
 * Who may be reached although private: `allowed` lists host names, addresses and CIDR ranges
 * (OUTBOUND_ALLOWED_PRIVATE, comma-separated).
 */
export class OutboundPolicy {
  private readonly hosts = new Set<string>();
  private readonly networks = new BlockList();

  constructor(allowed: string) {
    for (const entry of allowed.split(',').map((e) => e.trim().toLowerCase())) {
      if (!entry) continue;
      const [address, bits] = entry.split('/');
      const type = address ? isIP(address) : 0;
      if (type && bits !== undefined) {
        this.networks.addSubnet(address ?? '', Number(bits), type === 6 ? 'ipv6' : 'ipv4');
      } else if (type) {
        this.networks.addAddress(address ?? '', type === 6 ? 'ipv6' : 'ipv4');
      } else {
        this.hosts.add(entry);
      }
    }
  }

  /** Whether a host name is allowed whatever it resolves to. */
  allowsHost(host: string): boolean {
    return this.hosts.has(host.toLowerCase());
  }

  /** Whether an address may be connected to. */
  allowsAddress(address: string): boolean {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const ip = mapped ?? address;
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    return !special.check(ip, type) || this.networks.check(ip, type);
  }
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

/** One request and its answer, without following redirects. */
function once(
  url: URL,
  policy: OutboundPolicy,
  limits: OutboundLimits,
  request: OutboundRequest,
  deadline: number,
): Promise<OutboundResponse> {
  const literal = isIP(url.hostname.replace(/^\[|\]$/g, ''));
  if (literal && !policy.allowsHost(url.hostname)) {
    if (!policy.allowsAddress(url.hostname.replace(/^\[|\]$/g, ''))) {
      return Promise.reject(new OutboundRefused(`${url.hostname} is a private address`));
    }
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(
        err instanceof OutboundRefused || err instanceof OutboundFailed
          ? err
          : new OutboundFailed(`${url.host}: ${err.message}`),
      );
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
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            fail(new OutboundFailed(`${url.host} answered more than ${limits.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            url: url.href,
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          });
        });
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(request.body);
  });
}

/**
 * Requests `raw` under `policy` and `limits`, following up to `limits.maxRedirects` redirects
 * (each checked like the first; a POST redirected by 301-303 becomes a GET without its body,
 * as browsers do). The time limit covers the whole exchange.
 */
export async function requestOutbound(
  raw: string,
  policy: OutboundPolicy,
  limits: OutboundLimits,
  request: OutboundRequest = {},
): Promise<OutboundResponse> {
  const deadline = Date.now() + limits.timeoutMs;
  let url = outboundUrl(raw);
  let current = request;
  for (let hops = 0; ; hops++) {
    const res = await once(url, policy, limits, current, deadline);
    const location = res.headers.location;
    if (res.status < 300 || res.status >= 400 || res.status === 304 || !location) return res;
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
