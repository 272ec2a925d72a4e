import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { closeContext, openContext } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { actorForUser, findUser } from '../../src/features/accounts/index.js';
import { createDataset } from '../../src/features/catalog/index.js';
import { cliSandbox, type CliSandbox } from '../helpers/cli.js';

// `metrodata downloads build`, as an operator runs it after an import no server has yet built
// the downloads of: a real process on its own SQLite file.

let sandbox: CliSandbox;
const cli = (...args: string[]) => sandbox.cli(...args);
let resourceId = '';

async function inProcess<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig(sandbox.env, { logLevel: 'silent' }));
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

beforeAll(async () => {
  sandbox = await cliSandbox('cli-downloads');
  await cli('migrate');
  await cli('org', 'create', '--slug', 'salford', '--name', 'Salford City Council');
  const officer = 'officer@salford.example';
  await cli(
    'user',
    'create',
    '--email',
    officer,
    '--name',
    'Data Officer',
    '--org',
    'salford',
    '--role',
    'editor',
  );
  await inProcess(async (ctx) => {
    const user = await findUser(ctx, officer);
    const actor = await actorForUser(ctx, user?.id ?? '', ['read', 'write']);
    await createDataset(ctx, actor, {
      slug: 'street-reports',
      title: 'Street reports',
      organisation: 'salford',
      description: 'Reports of street problems.',
    });
  });
  const file = path.join(sandbox.dataDir, 'reports.csv');
  await writeFile(
    file,
    'id,category,reported_on,cost\n1,Pothole,2024-01-02,3.5\n2,Noise,2024-05-06,1\n',
  );
  const imported = await cli('import', file, '--dataset', 'street-reports', '--as', officer);
  expect(imported.code, imported.stderr).toBe(0);
  resourceId = /resource ([\w-]{36})/.exec(imported.stdout)?.[1] ?? '';
}, 180_000);
afterAll(() => sandbox.remove());

describe('metrodata downloads build', { timeout: 90_000 }, () => {
  it('builds the whole-version downloads, or rebuilds one resource’s', async () => {
    const exported = () =>
      inProcess(async (ctx) => {
        const app = await buildApp(ctx, { logger: false });
        const res = await app.inject(`/api/v1/resources/${resourceId}/export.csv`);
        await app.close();
        return { etag: res.headers.etag, body: res.body };
      });
    // The import queued its job, and no server has run it yet.
    const rows = await inProcess((ctx) =>
      ctx.db.kysely
        .selectFrom('datastore_downloads')
        .selectAll()
        .where('version', '=', 1)
        .execute(),
    );
    expect(rows).toEqual([]);
    const built = await cli('downloads', 'build', '--now');
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain('1 latest version(s) lack downloads; their builds are queued.');
    const first = await exported();
    expect(first.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(first.body.split('\n')[2]).toBe('2,Noise,2024-05-06,1.0');
    expect((await cli('downloads', 'build')).stdout).toContain('0 latest version(s) lack');
    const rebuilt = await cli('downloads', 'build', '--resource', resourceId, '--now');
    expect(rebuilt.stdout).toContain(`Queued the downloads of version 1 of ${resourceId}.`);
    expect(rebuilt.stdout).toContain('Ran 1 download job(s).');
    expect((await exported()).etag).toBe(first.etag);
  });
});
