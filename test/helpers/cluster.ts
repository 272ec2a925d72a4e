import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { startS3Server, type S3TestServer } from './s3-server.js';

// A cluster on one machine: a fresh PostgreSQL database, an S3-compatible server (s3rver) and
// Metrodata nodes (`node dist/main.js serve`, as built by `npm ci`) sharing both, each with its
// own data and cache folders and port. The cluster test (test/cluster) starts two, with jobs
// leased for a few seconds so a dead node's work is taken over quickly; the cluster benchmark
// starts one, measures, then adds another.

const REPO = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(REPO, 'dist/main.js');
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const run = promisify(execFile);

/** The lease of a job in the cluster (JOB_LEASE_S). */
export const LEASE_S = 4;
/** How often the cluster cleans up its bucket (BLOB_SWEEP_INTERVAL_S). */
export const SWEEP_S = 2;

export interface ClusterNode {
  name: string;
  url: string;
  /** The node's process id, as in a job's `locked_by` (host:pid:…). */
  pid(): number;
  /** Kills the node at once (`kill -9`). */
  kill(): Promise<void>;
  start(): Promise<void>;
}

export interface Cluster {
  a: ClusterNode;
  b: ClusterNode;
  s3: S3TestServer;
  /** A site admin's API token. */
  token: string;
  admin: { email: string; password: string };
  /** The run's database, for what only it can tell (the job holding a load). */
  db: pg.Client;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url} exited (${String(child.exitCode)})`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${url} was not ready within a minute`);
}

async function startNode(name: string, env: NodeJS.ProcessEnv, dirs: string[]) {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), `metrodata-cluster-${name}-`));
  dirs.push(dir);
  const url = `http://127.0.0.1:${String(port)}`;
  const nodeEnv = {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: url,
    DATA_DIR: dir,
    CACHE_DIR: path.join(dir, 'cache'),
  };
  let child: ChildProcess | null = null;
  let exited: Promise<unknown> = Promise.resolve();
  const node: ClusterNode = {
    name,
    url,
    pid: () => child?.pid ?? 0,
    async start() {
      const c = spawn(process.execPath, [MAIN, 'serve'], {
        cwd: REPO,
        env: nodeEnv,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child = c;
      exited = new Promise((resolve) => c.once('exit', resolve));
      await waitReady(url, c);
    },
    async kill() {
      child?.kill('SIGKILL');
      await exited;
    },
  };
  return node;
}

/** A fresh database and bucket, with the environment nodes and the CLI run in. */
export interface ClusterStore {
  /** The run's database. */
  databaseUrl: string;
  s3: S3TestServer;
  env: NodeJS.ProcessEnv;
  /** Runs `metrodata <args>` on the cluster's database and bucket; its standard output. */
  cli(...args: string[]): Promise<string>;
  /** A node on its own port and folders, not started yet; stopped with the store. */
  addNode(name: string): Promise<ClusterNode>;
  stop(): Promise<void>;
}

/** Creates the database and starts s3rver; `env` is added to (or overrides) the nodes'. */
export async function startClusterStore(env: NodeJS.ProcessEnv = {}): Promise<ClusterStore> {
  const database = `cluster_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const dirs: string[] = [];
  const nodes: ClusterNode[] = [];
  let s3: S3TestServer | null = null;
  const stop = async () => {
    await Promise.allSettled(nodes.map((n) => n.kill()));
    await s3?.close().catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  };
  try {
    s3 = await startS3Server('metrodata-cluster');
    const nodeEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url.toString(),
      BLOB_STORE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: s3.settings.region,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.settings.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.settings.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      SEED_DEMO: 'false',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      OUTBOUND_ALLOWED_PRIVATE: '127.0.0.1',
      MAX_UPLOAD_BYTES: String(1024 ** 3),
      // The nodes' errors show in the output; the rest is noise.
      LOG_LEVEL: 'error',
      ...env,
    };
    const store: ClusterStore = {
      databaseUrl: url.toString(),
      s3,
      env: nodeEnv,
      cli: async (...args) =>
        (await run(process.execPath, [MAIN, ...args], { cwd: REPO, env: nodeEnv })).stdout.trim(),
      async addNode(name) {
        // Listed before it starts, so a node that never gets ready is still killed.
        const node = await startNode(name, nodeEnv, dirs);
        nodes.push(node);
        return node;
      },
      stop,
    };
    return store;
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The cluster test's: two nodes started, a site administrator and their API token. */
export async function startCluster(): Promise<Cluster> {
  const store = await startClusterStore({
    JOB_LEASE_S: String(LEASE_S),
    BLOB_SWEEP_INTERVAL_S: String(SWEEP_S),
    JOB_POLL_INTERVAL_MS: '200',
  });
  let db: pg.Client | null = null;
  const stop = async () => {
    await db?.end().catch(() => undefined);
    await store.stop();
  };
  try {
    await store.cli('migrate');
    const adminUser = { email: 'admin@cluster.test', password: 'cluster-admin-password' };
    await store.cli('org', 'create', '--slug', 'cluster-council', '--name', 'Cluster Council');
    await store.cli(
      'user',
      'create',
      '--email',
      adminUser.email,
      '--name',
      'Cluster Admin',
      '--password',
      adminUser.password,
      '--site-admin',
      '--org',
      'cluster-council',
      '--role',
      'admin',
    );
    const token = (await store.cli('token', 'create', '--user', adminUser.email))
      .split('\n')
      .at(-1);
    const a = await store.addNode('a');
    const b = await store.addNode('b');
    await Promise.all([a.start(), b.start()]);
    db = new pg.Client({ connectionString: store.databaseUrl });
    await db.connect();
    return { a, b, s3: store.s3, token: token ?? '', admin: adminUser, db, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
