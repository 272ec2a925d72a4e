import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

// PostgreSQL, as CKAN's DataStore uses it: the file COPY'd into a typed table. Everything lives
// in a schema of the benchmark's own, dropped at the end.

export const PG_COLUMNS =
  '(id bigint, reported_at timestamp, borough text, category text, status text, ' +
  'lat double precision, lon double precision, days_to_close integer, description text)';

/** The indexes the query comparison runs with, and why. */
export const PG_INDEXES: { sql: (t: string) => string; why: string }[] = [
  { sql: (t) => `ALTER TABLE ${t} ADD PRIMARY KEY (id)`, why: 'primary key on id (keyset pages)' },
  {
    sql: (t) => `CREATE INDEX ON ${t} (borough, category, reported_at DESC)`,
    why: '(borough, category, reported_at DESC) for the filter + sort',
  },
  {
    sql: (t) => `CREATE INDEX ON ${t} (reported_at DESC, id)`,
    why: '(reported_at DESC, id) for the year range and the sorted pages',
  },
];

const seconds = (since: number) => (performance.now() - since) / 1000;

export class PgBaseline {
  private constructor(
    readonly url: string,
    readonly schema: string,
    readonly version: string,
    private readonly clients: pg.Client[],
  ) {}

  /** Connects (null when PostgreSQL cannot be reached) and creates a schema of its own. */
  static async open(url: string): Promise<PgBaseline | { error: string }> {
    const clients: pg.Client[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        clients.push(c);
      }
      const [first] = clients;
      if (!first) throw new Error('no client');
      const version =
        (await first.query<{ server_version: string }>('SHOW server_version')).rows[0]
          ?.server_version ?? '';
      const schema = `bench_datastore_${randomBytes(5).toString('hex')}`;
      await first.query(`CREATE SCHEMA ${schema}`);
      for (const c of clients) await c.query(`SET search_path = ${schema}`);
      return new PgBaseline(url, schema, version.split(' ')[0] ?? version, clients);
    } catch (err) {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  private client(i = 0): pg.Client {
    const c = this.clients[i];
    if (!c) throw new Error(`no client ${i}`);
    return c;
  }

  async exec(sql: string): Promise<void> {
    await this.client().query(sql);
  }

  /**
   * Writes out what a COPY left in PostgreSQL's buffers and WAL now, untimed, so that the
   * server's background writing does not land on the next measurement (it made the HTTP load
   * after a COPY up to 1 s slower). Needs a superuser; skipped otherwise.
   */
  async settle(): Promise<void> {
    await this.exec('CHECKPOINT').catch(() => undefined);
  }

  async rows(sql: string, params: unknown[] = [], on = 0): Promise<Record<string, unknown>[]> {
    return (await this.client(on).query(sql, params)).rows as Record<string, unknown>[];
  }

  async together(statements: { sql: string; params?: unknown[] }[]): Promise<unknown[][]> {
    return Promise.all(statements.map((s, i) => this.rows(s.sql, s.params ?? [], i)));
  }

  async setting(name: string): Promise<string> {
    const value = (await this.rows(`SHOW ${name}`))[0]?.[name];
    return typeof value === 'string' ? value : '';
  }

  /**
   * Server-side `COPY table FROM '/path'`: the server reads the file itself (superuser only),
   * PostgreSQL's fastest load. The file must be readable by the server's OS user.
   */
  async copyFromFile(table: string, file: string): Promise<{ seconds: number; rows: number }> {
    await this.exec(`CREATE TABLE ${table} ${PG_COLUMNS}`);
    const started = performance.now();
    const result = await this.client().query(
      `COPY ${table} FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`,
    );
    return { seconds: seconds(started), rows: result.rowCount ?? 0 };
  }

  /**
   * `COPY ... FROM STDIN` with the file streamed by psql's `\copy`, as a client loader does
   * (CKAN's xloader streams COPY FROM STDIN through psycopg2).
   */
  async copyFromStdin(table: string, file: string): Promise<{ seconds: number; rows: number }> {
    await this.exec(`CREATE TABLE ${table} ${PG_COLUMNS}`);
    const command = `\\copy ${this.schema}.${table} FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`;
    const started = performance.now();
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('psql', [this.url, '-X', '-v', 'ON_ERROR_STOP=1', '-c', command], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      child.once('error', reject);
      child.once('exit', (code) => {
        if (code === 0) resolve(text);
        else reject(new Error(`psql exited with ${code}: ${text}`));
      });
    });
    const rows = Number(/COPY (\d+)/.exec(out)?.[1] ?? 0);
    return { seconds: seconds(started), rows };
  }

  async time(sql: string): Promise<number> {
    const started = performance.now();
    await this.exec(sql);
    return seconds(started);
  }

  async close(): Promise<void> {
    try {
      await this.client().query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    } finally {
      await Promise.all(this.clients.map((c) => c.end().catch(() => undefined)));
    }
  }
}
