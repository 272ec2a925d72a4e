import type { Selectable } from 'kysely';

// Roll-ups: one regional table combined from the members' resources that share a Table Schema,
// the organisations expected to contribute, and each member's last validation report.

/** pending: not checked yet; pass, warn: combined; fail: left out, with its report. */
export type RollupMemberStatus = 'pending' | 'pass' | 'warn' | 'fail';

export interface RollupTable {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** JSON: the Frictionless Table Schema the members follow. */
  table_schema: string;
  /** The owner: the combined authority, whose dataset holds the combined table. */
  organisation_id: string;
  dataset_id: string;
  /** The combined table's resource; null until the first build. */
  resource_id: string | null;
  /** A rebuild holds the roll-up until then, so two never run at once (on any node). */
  building_until: string | null;
  built_at: string | null;
  built_version: number | null;
  built_rows: number | null;
  /** Why the last rebuild made no version (no member passed, the load failed). */
  build_error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RollupMemberTable {
  rollup_id: string;
  resource_id: string;
  /** The member's publisher, from its dataset, when it was added. */
  organisation_id: string;
  status: RollupMemberStatus;
  /** JSON: MemberReport, or null before the first check. */
  report: string | null;
  /** The datastore version the report is about. */
  checked_version: number | null;
  checked_at: string | null;
  /** 1 when its rows are in the latest combined table. */
  included: number;
  added_by: string | null;
  added_at: string;
}

export interface RollupExpectedTable {
  rollup_id: string;
  organisation_id: string;
}

export type Rollup = Selectable<RollupTable>;
export type RollupMember = Selectable<RollupMemberTable>;
