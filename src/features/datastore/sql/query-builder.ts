import type { DatastoreVersion } from '../../../platform/db/schema.js';
import { cursorScope } from '../cursor.js';
import type { Field, GeometryInfo } from '../field.js';
import type { QueryInput } from '../query.schemas.js';
import { buildAggregateQuery } from './query-aggregate.js';
import type { BuiltQuery } from './query-parts.js';
import { buildRecordsQuery } from './query-records.js';

export interface VersionSource {
  version: DatastoreVersion;
  fields: Field[];
  geometry: GeometryInfo | null;
  /** A DuckDB table expression reading the version's Parquet file, `_id` included. */
  source: string;
}

export function buildQuery(
  vs: VersionSource,
  input: QueryInput,
): { built: BuiltQuery; scope: string } {
  const scope = cursorScope([
    vs.version.resource_id,
    vs.version.version,
    input.filters ?? [],
    input.q ?? '',
    input.sort ?? [],
  ]);
  const aggregate = (input.group_by?.length ?? 0) > 0 || (input.aggregates?.length ?? 0) > 0;
  const built = aggregate
    ? buildAggregateQuery(vs.source, input, vs.fields, vs.geometry)
    : buildRecordsQuery(vs.source, input, vs.fields, vs.geometry, scope);
  return { built, scope };
}
