import type { DuckDBConnection } from '@duckdb/node-api';
import { prepare, quoteIdent } from '../../platform/engine/engine.js';
import type { Field } from './field.js';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Nulls, min, max, an estimate of distinct values and a few sample values, per field. */
export async function collectStats(
  c: DuckDBConnection,
  parquetFile: string,
  fields: Field[],
): Promise<Field[]> {
  const source = `read_parquet(${lit(parquetFile)})`;
  const parts = fields.flatMap((f, i) => {
    const col = quoteIdent(f.name);
    // Geometry text is long and its min/max mean nothing.
    const minmax = f.geometry
      ? ['NULL', 'NULL']
      : [`cast(min(${col}) AS VARCHAR)`, `cast(max(${col}) AS VARCHAR)`];
    return [
      `count(*) - count(${col}) AS "nulls_${i}"`,
      `${minmax[0]} AS "min_${i}"`,
      `${minmax[1]} AS "max_${i}"`,
      `approx_count_distinct(${col}) AS "distinct_${i}"`,
    ];
  });
  const statement = await prepare(c, `SELECT ${parts.join(', ')} FROM ${source}`, []);
  const row = ((await statement.runAndReadAll()).getRowObjectsJson()[0] ?? {}) as Record<
    string,
    unknown
  >;
  const out: Field[] = [];
  for (const [i, f] of fields.entries()) {
    const samples = f.geometry
      ? []
      : (
          (
            await (
              await prepare(
                c,
                `SELECT DISTINCT ${quoteIdent(f.name)} AS v FROM (SELECT ${quoteIdent(f.name)} FROM ${source} WHERE ${quoteIdent(f.name)} IS NOT NULL LIMIT 1000) LIMIT 5`,
                [],
              )
            ).runAndReadAll()
          ).getRowObjectsJson() as { v: string | number | boolean }[]
        ).map((r) => r.v);
    const num = (v: string | number | null | undefined) =>
      v === null || v === undefined
        ? null
        : f.type === 'integer' || f.type === 'decimal'
          ? Number(v)
          : String(v);
    out.push({
      ...f,
      stats: {
        nulls: Number(row[`nulls_${i}`] ?? 0),
        min: num(row[`min_${i}`] as string | null),
        max: num(row[`max_${i}`] as string | null),
        distinct: Number(row[`distinct_${i}`] ?? 0),
        samples,
      },
    });
  }
  return out;
}
