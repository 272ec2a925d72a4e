import type { AppContext } from '../../context.js';
import type { RollupMember } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { anonymous } from '../accounts/index.js';
import { versionSource } from '../datastore/index.js';
import {
  memberReport,
  planMember,
  unreadableReport,
  type CheckResult,
  type Match,
  type MemberReport,
} from './member-checks.js';
import { countsSql, examplesSql } from './sql/member-sql.js';
import type { TableSchema } from './table-schema.js';

// Checks one member's latest datastore version against the schema, in DuckDB over its Parquet
// file: one scan counts every check's failures, then a small query per failing check finds a
// few of its rows. The data is read as an anonymous visitor reads it, so a roll-up (public)
// never takes in rows of a private or draft dataset.

export interface CheckedMember {
  member: RollupMember;
  report: MemberReport;
  /** Set when the member may be combined: how to read it and where each field is. */
  readable: { relation: string; matches: Match[] } | null;
}

const toNumber = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));

export async function checkMember(
  ctx: AppContext,
  schema: TableSchema,
  member: RollupMember,
): Promise<CheckedMember> {
  let source;
  try {
    source = await versionSource(ctx, anonymous, member.resource_id, null);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const kind = err.kind === 'conflict' ? 'not_loaded' : 'not_public';
    return { member, report: unreadableReport(kind), readable: null };
  }
  const plan = planMember(
    schema,
    source.fields.map((f) => ({ name: f.name, type: f.type })),
  );
  const counts = (await ctx.engine.all(countsSql(source.source, plan.checks)))[0] ?? {};
  const results: CheckResult[] = [];
  for (const [i, check] of plan.checks.entries()) {
    const count = toNumber(counts[`c${String(i)}`]);
    const examples =
      count === 0
        ? []
        : (await ctx.engine.all(examplesSql(source.source, check))).map((r) => ({
            row: toNumber(r.row),
            value: typeof r.value === 'string' ? r.value : null,
          }));
    results.push({ count, examples });
  }
  const report = memberReport(plan, results, toNumber(counts.rows), source.version.version);
  return {
    member,
    report,
    readable: report.status === 'fail' ? null : { relation: source.source, matches: plan.matches },
  };
}
