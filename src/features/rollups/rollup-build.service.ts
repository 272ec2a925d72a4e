import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import type { Rollup } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { automaticPublisher } from '../accounts/index.js';
import { datasetSlugFor, findResource, patchResource } from '../catalog/index.js';
import { datastoreStatuses, importFile } from '../datastore/index.js';
import { allOrganisations } from '../organisations/index.js';
import { checkMember, type CheckedMember } from './member-validate.js';
import {
  claimBuild,
  findRollupById,
  membersOf,
  releaseBuild,
  updateMember,
  updateRollup,
} from './rollup.repository.js';
import { combineSql, type CombinedMember } from './sql/combine-sql.js';
import type { TableSchema } from './table-schema.js';

// A rebuild: every member's latest version is checked against the schema (the reports are
// kept), the members that pass are combined into one table, and the table is loaded as the
// next version of the roll-up's resource, published by an automatic publisher of the owning
// organisation. The same table as last time makes no new version. One rebuild of a roll-up
// at a time, on any node: the roll-up's row is held while it runs.

/** Who loads the combined tables: an automatic publisher, editor of the owner. */
export const ROLLUP_PUBLISHER = {
  email: 'rollups@metrodata.invalid',
  name: 'Roll-ups (automatic publishing)',
} as const;

/** A rebuild takes seconds; a node that died holding the roll-up loses it after this. */
const HOLD_MS = 15 * 60_000;

export type BuildOutcome =
  | { outcome: 'busy' }
  | { outcome: 'gone' }
  | { outcome: 'not_built'; reason: string }
  | { outcome: 'unchanged'; rows: number }
  | { outcome: 'loaded'; rows: number; version: number };

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checks every member and keeps its report; returns them in membership order. */
async function checkMembers(ctx: AppContext, rollup: Rollup): Promise<CheckedMember[]> {
  const schema = JSON.parse(rollup.table_schema) as TableSchema;
  const members = await membersOf(ctx.db.kysely, [rollup.id]);
  const statuses = await datastoreStatuses(
    ctx,
    members.map((m) => m.resource_id),
  );
  const latest = new Map([...statuses].map(([id, s]) => [id, s.version]));
  const checked: CheckedMember[] = [];
  for (const member of members) {
    const c = await checkMember(ctx, schema, member);
    await updateMember(ctx.db.kysely, rollup.id, member.resource_id, {
      status: c.report.status,
      report: JSON.stringify(c.report),
      // A member that could not be read is checked again only when it has a new version.
      checked_version: c.report.version ?? latest.get(member.resource_id) ?? null,
      checked_at: now(),
    });
    checked.push(c);
  }
  return checked;
}

/** Writes the combined table and loads it; the outcome, or why it could not. */
async function combineAndLoad(
  ctx: AppContext,
  rollup: Rollup,
  passing: CheckedMember[],
): Promise<BuildOutcome> {
  const names = new Map((await allOrganisations(ctx)).map((o) => [o.id, o.name]));
  const schema = JSON.parse(rollup.table_schema) as TableSchema;
  // By council, so the table reads borough by borough and members added in the same
  // millisecond (whose membership order the ids decide) still give the same file.
  const members: CombinedMember[] = passing
    .map((c) => ({
      relation: c.readable?.relation ?? '',
      matches: c.readable?.matches ?? [],
      publisher: names.get(c.member.organisation_id) ?? '',
    }))
    .sort((a, b) => (a.publisher < b.publisher ? -1 : a.publisher > b.publisher ? 1 : 0));
  const rows = passing.reduce((n, c) => n + c.report.rows, 0);
  const dir = path.join(ctx.engine.tempDir, 'rollups', newId());
  await mkdir(dir, { recursive: true });
  try {
    const file = path.join(dir, `${rollup.slug}.parquet`);
    await ctx.engine.run(combineSql(schema, members, file));
    const current = rollup.resource_id ? await findResource(ctx, rollup.resource_id) : undefined;
    if (current?.resource.sha256 === (await sha256Of(file))) {
      return { outcome: 'unchanged', rows };
    }
    // Deleted while this rebuild ran (its hold lapsed): its kept dataset is not written to.
    if (!(await findRollupById(ctx.db.kysely, rollup.id))) return { outcome: 'gone' };
    const datasetSlug = await datasetSlugFor(ctx, rollup.dataset_id);
    if (!datasetSlug) return { outcome: 'not_built', reason: 'The roll-up’s dataset is gone' };
    const actor = await automaticPublisher(ctx, ROLLUP_PUBLISHER, rollup.organisation_id);
    const { load, resource } = await importFile(ctx, actor, {
      file,
      dataset: datasetSlug,
      ...(current ? { resourceId: current.resource.id } : { name: rollup.title }),
    });
    if (load.status !== 'succeeded' || load.version === null) {
      return {
        outcome: 'not_built',
        reason: `The combined table did not load: ${load.error ?? ''}`,
      };
    }
    if (!current) {
      await patchResource(ctx, actor, resource.id, {
        description:
          'The members’ rows that pass the schema, combined: each column as the schema types it, ' +
          'and `publisher`, the council whose table the row comes from.',
      });
    }
    await updateRollup(ctx.db.kysely, rollup.id, { resource_id: resource.id });
    return { outcome: 'loaded', rows, version: load.version };
  } catch (err) {
    // The output dataset deleted or made unwritable: said on the roll-up's page, not retried.
    if (err instanceof DomainError) return { outcome: 'not_built', reason: err.message };
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function rebuild(ctx: AppContext, rollup: Rollup): Promise<BuildOutcome> {
  const checked = await checkMembers(ctx, rollup);
  const passing = checked.filter((c) => c.readable !== null);
  const done: BuildOutcome =
    passing.length > 0
      ? await combineAndLoad(ctx, rollup, passing)
      : {
          outcome: 'not_built',
          reason:
            checked.length === 0
              ? 'The roll-up has no members yet'
              : 'No member passes the schema yet: see their reports',
        };
  const at = now();
  if (done.outcome === 'not_built') {
    await updateRollup(ctx.db.kysely, rollup.id, { build_error: done.reason, updated_at: at });
    return done;
  }
  if (done.outcome === 'loaded' || done.outcome === 'unchanged') {
    await updateRollup(ctx.db.kysely, rollup.id, {
      built_at: at,
      built_rows: done.rows,
      build_error: null,
      updated_at: at,
      ...(done.outcome === 'loaded' ? { built_version: done.version } : {}),
    });
    for (const c of checked) {
      await updateMember(ctx.db.kysely, rollup.id, c.member.resource_id, {
        included: c.readable ? 1 : 0,
      });
    }
  }
  return done;
}

/** Rebuilds the roll-up now; 'busy' when another rebuild of it is running. */
export async function rebuildRollup(ctx: AppContext, rollupId: string): Promise<BuildOutcome> {
  const at = new Date();
  const until = new Date(at.getTime() + HOLD_MS).toISOString();
  if (!(await claimBuild(ctx.db.kysely, rollupId, at.toISOString(), until))) {
    return (await findRollupById(ctx.db.kysely, rollupId))
      ? { outcome: 'busy' }
      : { outcome: 'gone' };
  }
  try {
    const rollup = await findRollupById(ctx.db.kysely, rollupId);
    return rollup ? await rebuild(ctx, rollup) : { outcome: 'gone' };
  } finally {
    await releaseBuild(ctx.db.kysely, rollupId);
  }
}
