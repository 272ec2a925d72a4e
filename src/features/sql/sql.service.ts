import type { Json } from '@duckdb/node-api';
import type { AppContext } from '../../context.js';
import type { SqlParam } from '../../platform/engine/engine.js';
import type {
  SandboxColumn,
  SandboxCursor,
  SandboxSession,
} from '../../platform/engine/sandbox.js';
import { DomainError } from '../../platform/errors.js';
import type { Actor } from '../accounts/index.js';
import { checkSql } from './sql-check.js';
import { sqlRuntime } from './sql-runtime.js';
import { resolveTables } from './sql-tables.js';

// Runs one read-only statement for one caller: length, DuckDB's parse and the check of its
// syntax tree, its tables resolved against what the caller may read, its parameters; then a
// place at the gate, and the statement on the SQL instance under the time and row limits.

export interface SqlInput {
  sql: string;
  params?: Record<string, SqlParam> | undefined;
}

export type Row = Record<string, Json>;

export interface SqlAnswer {
  fields: SandboxColumn[];
  records: Row[];
  truncated: boolean;
  elapsed_ms: number;
}

const invalid = (code: string, message: string) => new DomainError('invalid', code, message);

/** DuckDB's errors that are the statement's own fault, answered as 400 with DuckDB's words. */
const USER_ERRORS =
  /^(Parser|Binder|Catalog|Conversion|Invalid Input|Out of Range|Constraint|Not implemented|Permission|Syntax|Dependency|Invalid type|Invalid Configuration|Mismatch Type) Error/i;

const timeoutError = (ctx: AppContext) =>
  new DomainError(
    'unavailable',
    'sql_timeout',
    `The query took longer than ${String(ctx.config.sqlTimeoutMs)} ms and was stopped; filter or aggregate more, or add LIMIT`,
  );

function statementError(err: unknown, ctx: AppContext, timedOut: boolean): unknown {
  if (timedOut) return timeoutError(ctx);
  const message = err instanceof Error ? err.message : '';
  if (/^Out of Memory Error/i.test(message)) {
    return invalid(
      'sql_memory_limit',
      `The query needed more memory than the SQL endpoint allows (${ctx.config.sqlMemoryLimit}); filter or aggregate more, or add LIMIT`,
    );
  }
  if (USER_ERRORS.test(message)) return invalid('sql_error', message.slice(0, 1000));
  return err;
}

function checkParams(used: string[], given: Record<string, SqlParam>): void {
  const missing = used.filter((p) => !(p in given));
  if (missing.length > 0) {
    throw invalid(
      'sql_params',
      `The parameter${missing.length > 1 ? 's' : ''} ${missing.map((p) => `$${p}`).join(', ')} ${missing.length > 1 ? 'have' : 'has'} no value: send them in "params" (POST)`,
    );
  }
  const unused = Object.keys(given).filter((p) => !used.includes(p));
  if (unused.length > 0) {
    throw invalid(
      'sql_params',
      `The statement has no parameter ${unused.map((p) => `$${p}`).join(', ')}`,
    );
  }
}

/** A statement started: its cursor, its deadline, and the place it holds until `finish`. */
interface Running {
  cursor: SandboxCursor;
  started: number;
  /** Rejects when the time limit passes (the statement is interrupted then). */
  deadline: Promise<never>;
  timedOut: () => boolean;
  finish: () => void;
}

async function start(ctx: AppContext, actor: Actor, input: SqlInput): Promise<Running> {
  if (!ctx.config.sqlEnabled) {
    throw new DomainError('not_found', 'not_found', 'The SQL endpoint is turned off on this site');
  }
  if (input.sql.length > ctx.config.sqlMaxLength) {
    throw invalid(
      'sql_too_long',
      `The SQL is ${String(input.sql.length)} characters long; at most ${String(ctx.config.sqlMaxLength)} are accepted`,
    );
  }
  if (input.sql.trim() === '') throw invalid('sql_invalid', 'Write a SELECT statement to run');
  const runtime = await sqlRuntime(ctx);
  const { sandbox } = runtime;
  const checked = checkSql(await sandbox.parse(input.sql), sandbox.functions);
  const params = input.params ?? {};
  checkParams(checked.params, params);
  const tables = await resolveTables(ctx, actor, checked.tables);
  const leave = await runtime.gate.enter();
  const started = performance.now();
  const state = { timedOut: false };
  let timer: NodeJS.Timeout | undefined;
  let session: SandboxSession | null = null;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      state.timedOut = true;
      session?.interrupt();
      reject(timeoutError(ctx));
    }, ctx.config.sqlTimeoutMs);
  });
  deadline.catch(() => undefined);
  const finish = () => {
    clearTimeout(timer);
    session?.close();
    leave();
  };
  // The place is given back when DuckDB has stopped, not when the caller stops waiting.
  const opening = (async () => {
    session = await sandbox.session();
    if (state.timedOut) throw timeoutError(ctx);
    return session.start(tables, input.sql, params);
  })();
  let cursor: SandboxCursor;
  try {
    cursor = await Promise.race([opening, deadline]);
  } catch (err) {
    opening.then(finish, finish);
    throw statementError(err, ctx, state.timedOut);
  }
  return { cursor, started, deadline, timedOut: () => state.timedOut, finish };
}

/** Runs a statement and answers its first SQL_MAX_ROWS rows. */
export async function runSql(ctx: AppContext, actor: Actor, input: SqlInput): Promise<SqlAnswer> {
  const run = await start(ctx, actor, input);
  const max = ctx.config.sqlMaxRows;
  const reading = (async () => {
    const records: Row[] = [];
    let truncated = false;
    for (;;) {
      const rows = await run.cursor.next();
      if (!rows) break;
      records.push(...rows);
      if (records.length > max) {
        truncated = true;
        records.length = max;
        break;
      }
    }
    return { records, truncated };
  })();
  try {
    const { records, truncated } = await Promise.race([reading, run.deadline]);
    return {
      fields: run.cursor.columns,
      records,
      truncated,
      elapsed_ms: Math.round(performance.now() - run.started),
    };
  } catch (err) {
    throw statementError(err, ctx, run.timedOut());
  } finally {
    reading.then(run.finish, run.finish);
  }
}

export interface SqlStream {
  fields: SandboxColumn[];
  /** The rows, a chunk at a time, at most SQL_MAX_ROWS; fails at the time limit. */
  chunks: AsyncGenerator<Row[]>;
  /** Gives the statement's place back once DuckDB has stopped (the response is over). */
  close: () => void;
}

/**
 * Starts a statement whose rows are sent as they come (CSV, NDJSON). Its first rows are read
 * before this returns, so most failures can still be answered as an error rather than a cut.
 */
export async function streamSql(
  ctx: AppContext,
  actor: Actor,
  input: SqlInput,
): Promise<SqlStream> {
  const run = await start(ctx, actor, input);
  const max = ctx.config.sqlMaxRows;
  let pending = run.cursor.next();
  const close = () => {
    pending.then(run.finish, run.finish);
  };
  const read = () =>
    Promise.race([pending, run.deadline]).catch((err: unknown) => {
      throw statementError(err, ctx, run.timedOut());
    });
  let rows: Row[] | null;
  try {
    rows = await read();
  } catch (err) {
    close();
    throw err;
  }
  async function* chunks(): AsyncGenerator<Row[]> {
    try {
      let sent = 0;
      while (rows && sent < max) {
        const part = rows.slice(0, max - sent);
        sent += part.length;
        yield part;
        if (sent >= max) return;
        pending = run.cursor.next();
        rows = await read();
      }
    } finally {
      close();
    }
  }
  return { fields: run.cursor.columns, chunks: chunks(), close };
}
