import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The CLI runs as a real process on its own SQLite file: what an operator types is what is tested.
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let env: NodeJS.ProcessEnv;

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', ...args],
      {
        cwd: root,
        env,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'metrodata-cli-'));
  env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

// Each command is a fresh Node process; on a loaded 2-core machine a few take seconds each.
describe('metrodata CLI', { timeout: 90_000 }, () => {
  it('lists its commands', async () => {
    const { stdout, code } = await cli('--help');
    expect(code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'user', 'token', 'org', 'region']) {
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
});

describe('metrodata serve', { timeout: 90_000 }, () => {
  it('serves, then stops gracefully on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'serve', '--port', String(port)],
      {
        cwd: root,
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
