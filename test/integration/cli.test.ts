import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, REPO_ROOT, type CliSandbox } from '../helpers/cli.js';
import { buildApp } from '../../src/app.js';
import { closeContext, openContext } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { actorForUser, findUser } from '../../src/features/accounts/index.js';
// White-box: the stored hash must verify (no public function reveals it).
import { verifyPassword } from '../../src/features/accounts/user.service.js';
import { createDataset } from '../../src/features/catalog/index.js';

// The CLI runs as a real process on its own SQLite file: what an operator types is what is tested.
let sandbox: CliSandbox;
let dataDir: string;
let env: NodeJS.ProcessEnv;
const cli = (...args: string[]) => sandbox.cli(...args);

beforeAll(async () => {
  sandbox = await cliSandbox('cli');
  ({ dataDir, env } = sandbox);
});
afterAll(() => sandbox.remove());

// Each command is a fresh Node process; on a loaded 2-core machine a few take seconds each.
describe('metrodata CLI', { timeout: 90_000 }, () => {
  it('lists its commands', async () => {
    const { stdout, code } = await cli('--help');
    expect(code).toBe(0);
    for (const command of [
      'serve',
      'migrate',
      'seed',
      'import',
      'user',
      'token',
      'org',
      'region',
      'postcodes',
      'downloads',
      'harvest',
    ]) {
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('sets up an organisation, an editor and a token that works, then revokes it', async () => {
    expect((await cli('migrate')).stdout).toMatch(/Applied: 0001-catalogue|up to date/);
    expect(
      (await cli('org', 'create', '--slug', 'salford', '--name', 'Salford City Council')).code,
    ).toBe(0);
    const user = await cli(
      'user',
      'create',
      '--email',
      'Officer@Salford.example',
      '--name',
      'Data Officer',
      '--password',
      'correct horse battery',
      '--org',
      'salford',
      '--role',
      'editor',
    );
    expect(user.stdout).toContain('Created user officer@salford.example');
    const token = await cli(
      'token',
      'create',
      '--user',
      'officer@salford.example',
      '--name',
      'publishing script',
      '--expires-in',
      '30',
    );
    expect(token.code).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^mdt_[\w-]{43}$/);
    expect(token.stderr).toContain('it is not shown again');

    const list = await cli('token', 'list', '--user', 'officer@salford.example');
    expect(list.stdout).toContain('publishing script');
    expect(list.stdout).toContain('active');
    expect(list.stdout).not.toContain(secret);

    const id = list.stdout.split('\t')[0] ?? '';
    expect((await cli('token', 'revoke', id)).stdout).toContain(`Revoked ${id}`);
    expect((await cli('token', 'list', '--user', 'officer@salford.example')).stdout).toContain(
      'revoked',
    );
  });

  it('fails clearly, with a non-zero exit, on bad input', async () => {
    const dup = await cli('org', 'create', '--slug', 'salford', '--name', 'Again');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('salford is already taken');
    const noUser = await cli('token', 'create', '--user', 'nobody@example.org');
    expect(noUser.code).toBe(1);
    expect(noUser.stderr).toContain('User nobody@example.org was not found');
    const badScope = await cli(
      'token',
      'create',
      '--user',
      'officer@salford.example',
      '--scopes',
      'root',
    );
    expect(badScope.stderr).toContain('scopes: must be some of read, write');
    const shortPassword = await cli(
      'user',
      'create',
      '--email',
      'a@b.example',
      '--name',
      'A',
      '--password',
      'short',
    );
    expect(shortPassword.stderr).toContain('password: must be at least 12 characters');
    const unknown = await cli('frobnicate');
    expect(unknown.code).not.toBe(0);
  });

  it('sets the password a user signs in with', async () => {
    const set = await cli(
      'user',
      'password',
      '--email',
      'officer@salford.example',
      '--password',
      'a new long passphrase',
    );
    expect(set.stdout).toContain('Set the password of officer@salford.example');
    const ctx = await openContext(loadConfig(env));
    try {
      const user = await findUser(ctx, 'officer@salford.example');
      expect(user && (await verifyPassword(user, 'a new long passphrase'))).toBe(true);
    } finally {
      await closeContext(ctx);
    }
  });
});

/** Runs `fn` in this process on the CLI's own database and files. */
async function inProcess<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig(env, { logLevel: 'silent' }));
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

describe('metrodata import', { timeout: 90_000 }, () => {
  const file = (name: string) => path.join(dataDir, name);
  let resourceId = '';

  beforeAll(async () => {
    // There is no `dataset create` command: the officer creates it as through the API.
    await inProcess(async (ctx) => {
      const officer = await findUser(ctx, 'officer@salford.example');
      const actor = await actorForUser(ctx, officer?.id ?? '', ['read', 'write']);
      await createDataset(ctx, actor, {
        slug: 'street-reports',
        title: 'Street reports',
        organisation: 'salford',
        description: 'Reports of street problems.',
      });
    });
    await writeFile(
      file('reports.csv'),
      'id,category,reported_on,cost\n1,Pothole,2024-01-02,3.5\n2,Fly-tipping\n3,Graffiti,2024-03-04,7\n',
    );
    await writeFile(
      file('more.csv'),
      'id,category,reported_on,cost\n1,Pothole,2024-01-02,3.5\n2,Noise,2024-05-06,1\n' +
        '3,Drain,2024-05-07,2\n4,Graffiti,2024-05-08,3\n',
    );
    await writeFile(file('empty.csv'), 'id,category\n');
  });

  it('uploads a file, loads it and prints the report', async () => {
    const { code, stdout, stderr } = await cli(
      'import',
      file('reports.csv'),
      '--dataset',
      'street-reports',
      '--name',
      'Reports, 2024',
      '--as',
      'officer@salford.example',
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/Uploading \[#+\] 100% \d+\/\d+ bytes/);
    expect(stderr).toContain('Load succeeded');
    expect(stdout).toMatch(/^Added resource [\w-]{36} "Reports, 2024" \(CSV\)\.$/m);
    expect(stdout).toContain('Loaded 3 rows and 4 fields as version 1');
    expect(stdout).toMatch(/^ {2}reported_on +date$/m);
    expect(stdout).toMatch(/^ {2}cost +decimal$/m);
    expect(stdout).toContain('Warnings (2):\n  line 3 has 2 of the 4 columns: the rest left empty');
    expect(stdout).toContain('1 row had fewer fields than the header; padded with empty values');
    resourceId = /resource ([\w-]{36})/.exec(stdout)?.[1] ?? '';

    const body = await inProcess(async (ctx) => {
      const app = await buildApp(ctx, { logger: false });
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/resources/${resourceId}/query`,
        payload: { sort: [{ field: 'id', dir: 'asc' }] },
      });
      await app.close();
      return res.json<{ total: number; records: { category: string; cost: number | null }[] }>();
    });
    expect(body.total).toBe(3);
    expect(body.records.map((r) => [r.category, r.cost])).toEqual([
      ['Pothole', 3.5],
      ['Fly-tipping', null],
      ['Graffiti', 7],
    ]);
  });

  it('replaces the data of a resource as its next version', async () => {
    const { code, stdout } = await cli(
      'import',
      file('more.csv'),
      '--dataset',
      'street-reports',
      '--resource',
      resourceId,
      '--as',
      'officer@salford.example',
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`Replaced the data of resource ${resourceId}`);
    expect(stdout).toContain('Loaded 4 rows and 4 fields as version 2');
  });

  it('fails with the reason, and exit code 1, on a bad file or a missing user', async () => {
    const bad = await cli(
      'import',
      file('empty.csv'),
      '--dataset',
      'street-reports',
      '--as',
      'officer@salford.example',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Load failed');
    expect(bad.stderr).toContain('metrodata: The file has a header but no rows of data');
    // No site administrator exists here, so the command cannot guess who is acting.
    const nobody = await cli('import', file('reports.csv'), '--dataset', 'street-reports');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('say who acts with --as <email>');
  });
});

describe('metrodata serve', { timeout: 90_000 }, () => {
  it('serves, then stops gracefully on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'serve', '--port', String(port)],
      {
        cwd: REPO_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let ready = false;
    for (let i = 0; i < 400 && !ready; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
    }
    expect(ready).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/organisations`);
    expect(await res.json()).toMatchObject({ results: [{ slug: 'salford' }] });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
