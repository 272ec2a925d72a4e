import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import { downloadFile } from './harvest-download.js';

// A data file takes far longer to come than a page of a catalogue: its download has its own
// time limit, not the catalogue requests' one.

const CSV = 'year,count\n2024,3\n2025,5\n';

let ctx: TestContext;
let server: Server;
let url: string;

beforeAll(async () => {
  // A catalogue page must answer within 100 ms; files are allowed the default.
  ctx = await createTestContext({ outboundAllowedPrivate: '127.0.0.1', harvestTimeoutMs: 100 });
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.write(CSV.slice(0, 11));
    setTimeout(() => res.end(CSV.slice(11)), 400);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/counts.csv`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await ctx.cleanup();
});

describe('downloading a harvested file', () => {
  it('waits for a slow file past the catalogue pages’ time limit', async () => {
    const got = await downloadFile(ctx, 'res-slow', url, 'CSV', undefined);
    expect(got.changed).toBe(true);
    if (got.changed) expect(got.staged.size).toBe(CSV.length);
  });

  it('gives up on it past the download time limit, with a clear error', async () => {
    const strict = { ...ctx, config: { ...ctx.config, harvestDownloadTimeoutMs: 150 } };
    await expect(downloadFile(strict, 'res-slower', url, 'CSV', undefined)).rejects.toThrow(
      /did not answer within 150 ms/,
    );
  });
});
