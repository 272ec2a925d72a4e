import type { AppContext } from '../../context.js';
import type { SandboxTable } from '../../platform/engine/sandbox.js';
import { DomainError } from '../../platform/errors.js';
import type { Actor } from '../accounts/index.js';
import { readableResource, readableResourceBySlugs } from '../catalog/index.js';
import { versionSource } from '../datastore/index.js';

// A statement's table names resolved to the Parquet files of versions the caller may read:
// "dataset/resource" or a resource's id, optionally "@n" for version n. A name that does not
// resolve, because nothing has it or because the caller may not read it, gets the same answer,
// so the endpoint does not reveal that a private table exists.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSIONED = /^(.+)@([1-9][0-9]{0,8})$/;

export interface TableName {
  resource: { id: string } | { dataset: string; resource: string };
  version: number | null;
}

/** A table name's parts, or null for a name that cannot be a table. */
export function parseTableName(name: string): TableName | null {
  const lower = name.toLowerCase();
  const m = VERSIONED.exec(lower);
  const base = m?.[1] ?? lower;
  const version = m?.[2] ? Number(m[2]) : null;
  if (UUID.test(base)) return { resource: { id: base }, version };
  const [dataset, resource, ...rest] = base.split('/');
  if (rest.length > 0 || !dataset || !resource || !SLUG.test(dataset) || !SLUG.test(resource)) {
    return null;
  }
  return { resource: { dataset, resource }, version };
}

const unknownTable = (name: string) =>
  new DomainError(
    'invalid',
    'unknown_table',
    `There is no table "${name}" that you may query. Tables are named "dataset/resource" (or by the resource's id), with "@n" for version n; /sql lists them`,
  );

async function resolve(ctx: AppContext, actor: Actor, name: string): Promise<SandboxTable> {
  const parsed = parseTableName(name);
  if (!parsed) throw unknownTable(name);
  try {
    let id: string;
    if ('id' in parsed.resource) {
      id = parsed.resource.id;
      // Editors may read a deleted dataset's resources, but it has no tables.
      const { dataset } = await readableResource(ctx, actor, id);
      if (dataset.state === 'deleted') throw unknownTable(name);
    } else {
      const { dataset, resource } = parsed.resource;
      id = (await readableResourceBySlugs(ctx, actor, dataset, resource)).resourceId;
    }
    const vs = await versionSource(ctx, actor, id, parsed.version);
    return { name: name.toLowerCase(), relation: vs.source };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === 'not_loaded') {
      throw new DomainError('invalid', 'unknown_table', `The table "${name}" has no data yet`);
    }
    if (err.kind === 'not_found' && err.message.startsWith('Version ')) {
      throw new DomainError(
        'invalid',
        'unknown_table',
        `The table "${name}" has no version ${String(parsed.version)}`,
      );
    }
    if (err.kind === 'not_found') throw unknownTable(name);
    throw err;
  }
}

/** The tables a checked statement names, each resolved once. */
export function resolveTables(
  ctx: AppContext,
  actor: Actor,
  names: string[],
): Promise<SandboxTable[]> {
  return Promise.all(names.map((n) => resolve(ctx, actor, n)));
}
