import type { AppContext } from '../../context.js';
import type { Rollup, RollupMember } from '../../platform/db/schema.js';
import { datasetSlugFor, findResource } from '../catalog/index.js';
import { allOrganisations } from '../organisations/index.js';
import type { MemberReport } from './member-checks.js';
import { expectedOf, membersOf } from './rollup.repository.js';
import type { TableSchema } from './table-schema.js';

// A roll-up as the API and the pages show it: its members with their reports, and the
// organisations expected that have no member ("missing"), each named by slug and name.

interface OrgRef {
  slug: string;
  name: string;
}

async function orgRefs(ctx: AppContext): Promise<Map<string, OrgRef>> {
  return new Map((await allOrganisations(ctx)).map((o) => [o.id, { slug: o.slug, name: o.name }]));
}

const orgOf = (orgs: Map<string, OrgRef>, id: string): OrgRef =>
  orgs.get(id) ?? { slug: '', name: '' };

async function memberView(ctx: AppContext, orgs: Map<string, OrgRef>, m: RollupMember) {
  const found = await findResource(ctx, m.resource_id);
  return {
    resource_id: m.resource_id,
    resource_name: found?.resource.name ?? '',
    dataset: found?.dataset.slug ?? '',
    organisation: orgOf(orgs, m.organisation_id),
    status: m.status,
    included: m.included === 1,
    checked_version: m.checked_version,
    checked_at: m.checked_at,
    report: m.report ? (JSON.parse(m.report) as MemberReport) : null,
  };
}

export type MemberViewData = Awaited<ReturnType<typeof memberView>>;

async function fieldsOf(ctx: AppContext, r: Rollup, orgs: Map<string, OrgRef>) {
  return {
    slug: r.slug,
    title: r.title,
    description: r.description,
    organisation: orgOf(orgs, r.organisation_id),
    dataset: (await datasetSlugFor(ctx, r.dataset_id)) ?? '',
    resource_id: r.resource_id,
    built_at: r.built_at,
    built_version: r.built_version,
    built_rows: r.built_rows,
    build_error: r.build_error,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

/** The expected organisations without a member, by name. */
function missingOf(expected: string[], members: RollupMember[], orgs: Map<string, OrgRef>) {
  const present = new Set(members.map((m) => m.organisation_id));
  return expected
    .filter((id) => !present.has(id))
    .map((id) => orgOf(orgs, id))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The whole roll-up: members with reports, missing organisations, the schema. */
export async function rollupView(ctx: AppContext, r: Rollup) {
  const orgs = await orgRefs(ctx);
  const members = await membersOf(ctx.db.kysely, [r.id]);
  const expected = (await expectedOf(ctx.db.kysely, [r.id])).map((e) => e.organisation_id);
  const views: MemberViewData[] = [];
  for (const m of members) views.push(await memberView(ctx, orgs, m));
  views.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name));
  return {
    ...(await fieldsOf(ctx, r, orgs)),
    schema: JSON.parse(r.table_schema) as TableSchema,
    members: views,
    missing: missingOf(expected, members, orgs),
  };
}

export type RollupViewData = Awaited<ReturnType<typeof rollupView>>;

/** Roll-ups for a list: their fields and how many members are in, failing and missing. */
export async function rollupSummaries(ctx: AppContext, rollups: readonly Rollup[]) {
  const orgs = await orgRefs(ctx);
  const ids = rollups.map((r) => r.id);
  const members = await membersOf(ctx.db.kysely, ids);
  const expected = await expectedOf(ctx.db.kysely, ids);
  const out = [];
  for (const r of rollups) {
    const own = members.filter((m) => m.rollup_id === r.id);
    const wanted = expected.filter((e) => e.rollup_id === r.id).map((e) => e.organisation_id);
    out.push({
      ...(await fieldsOf(ctx, r, orgs)),
      counts: {
        members: own.length,
        included: own.filter((m) => m.included === 1).length,
        failing: own.filter((m) => m.status === 'fail').length,
        missing: missingOf(wanted, own, orgs).length,
      },
    });
  }
  return out;
}
