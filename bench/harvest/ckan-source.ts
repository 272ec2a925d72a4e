import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlannedDataset } from '../catalog/plan.js';

// A CKAN-like portal on loopback: package_search over a fixed list of packages, paged by
// start/rows in name order as CKAN answers the harvester. Only what the harvester asks is
// served; the packages are the bench's generated datasets in CKAN's shape.

export interface CkanSource {
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}

function ckanPackage(d: PlannedDataset, i: number) {
  const { input } = d;
  return {
    id: `pkg-${String(i).padStart(6, '0')}`,
    name: `${input.slug}-source`,
    title: input.title,
    notes: input.description ?? '',
    license_id: input.licence ?? 'OGL-UK-3.0',
    metadata_modified: '2026-01-01T00:00:00.000000',
    tags: (input.tags ?? []).map((name) => ({ name, display_name: name })),
    organization: { name: 'source-portal', title: 'Source portal' },
    resources: d.resources.map((r) => ({ url: r.url, name: r.name, format: r.format })),
  };
}

export async function startCkanSource(plan: readonly PlannedDataset[]): Promise<CkanSource> {
  const packages = plan
    .map(ckanPackage)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/3/action/package_search') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"success":false}');
      return;
    }
    const start = Number(url.searchParams.get('start') ?? 0);
    const rows = Math.min(1000, Number(url.searchParams.get('rows') ?? 10));
    const body = JSON.stringify({
      success: true,
      result: { count: packages.length, results: packages.slice(start, start + rows) },
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
