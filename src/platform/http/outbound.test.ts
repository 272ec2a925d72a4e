import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundFailed, OutboundPolicy, OutboundRefused, requestOutbound } from './outbound.js';

// A local server stands for the inside of a council's network: loopback is private, so it is
// refused unless the policy allows it, also when a redirect leads there.

let server: Server;
let origin: string;
const limits = { timeoutMs: 2_000, maxBytes: 1_000, maxRedirects: 2 };
const loopback = new OutboundPolicy('127.0.0.1');

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/big') res.end('x'.repeat(5_000));
    else if (req.url === '/slow') setTimeout(() => res.end('late'), 5_000);
    else if (req.url === '/hop') res.writeHead(302, { location: '/ok' }).end();
    else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (req.url === '/inside') res.writeHead(302, { location: 'http://[::1]/' }).end();
    else res.end(`ok ${req.method ?? ''}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    ),
);

describe('requests to addresses users give', () => {
  it('refuses loopback, private and link-local addresses and other schemes by default', async () => {
    const policy = new OutboundPolicy('');
    await expect(requestOutbound(`${origin}/`, policy, limits)).rejects.toThrow(OutboundRefused);
    for (const url of [
      'http://10.1.2.3/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://localhost:1/',
      'file:///etc/passwd',
      'ftp://example.org/',
      'http://user:secret@example.org/',
    ]) {
      await expect(requestOutbound(url, policy, limits), url).rejects.toThrow(OutboundRefused);
    }
  });

  it('reaches an allowed private address and follows redirects there', async () => {
    const res = await requestOutbound(`${origin}/hop`, loopback, limits);
    expect(res.body.toString()).toBe('ok GET');
    expect(res.url).toBe(`${origin}/ok`);
  });

  it('refuses a redirect that leads inside, even from an allowed host', async () => {
    await expect(requestOutbound(`${origin}/inside`, loopback, limits)).rejects.toThrow(
      OutboundRefused,
    );
  });

  it('stops at the size, time and redirect limits', async () => {
    await expect(requestOutbound(`${origin}/big`, loopback, limits)).rejects.toThrow(
      /more than 1000 bytes/,
    );
    await expect(
      requestOutbound(`${origin}/slow`, loopback, { ...limits, timeoutMs: 300 }),
    ).rejects.toThrow(OutboundFailed);
    await expect(requestOutbound(`${origin}/loop`, loopback, limits)).rejects.toThrow(
      /redirected more than 2 times/,
    );
  });
});
