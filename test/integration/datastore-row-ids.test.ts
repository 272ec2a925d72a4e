import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlString } from '../../src/platform/engine/sql.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';
import { uploadCsv } from '../helpers/indicator-fixture.js';

// A row's `_id` is its place in the version's file. Versions written before that (with `_id`
// stored as a column) must keep answering with the same ids, in pages, cursors, exports and SQL.

let t: TestApp;
let fx: Fixture;
let resourceId = '';
const rows = Array.from(
  { length: 300 },
  (_, i) => `${String.fromCharCode(65 + (i % 26))}${i},${i * 3}`,
);
const csv = `ward,count\n${rows.join('\n')}\n`;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  const res = await uploadCsv(
    t,
    '/api/v1/datasets/bus-punctuality/resources?wait=true',
    fx.tokens.editor,
    csv,
  );
  expect(res.statusCode, res.body).toBe(201);
  resourceId = res.json<{ id: string }>().id;
});
afterAll(() => t.close());

interface Page {
  records: { _id: number; ward: string; count: number }[];
  next_cursor?: string | null;
}

async function page(query: string): Promise<Page> {
  const res = await t.app.inject(`/api/v1/resources/${resourceId}/query?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

async function answers() {
  const first = await page('limit=5');
  const deep = await page('limit=5&offset=250');
  const filtered = await page('limit=3&filter=count:gte:600&sort=-count');
  const sql = await t.app.inject({
    url: `/api/v1/sql?q=${encodeURIComponent(`SELECT _id, ward FROM "${resourceId}" WHERE _id IN (1, 150, 300) ORDER BY _id`)}`,
  });
  const csvExport = await t.app.inject(`/api/v1/resources/${resourceId}/export.csv`);
  // The SQL answer without its timing, which differs from run to run.
  const sqlAnswer = { ...sql.json<{ elapsed_ms?: number }>(), elapsed_ms: 0 };
  return { first, deep, filtered, sql: sqlAnswer, csv: csvExport.body };
}

describe('row ids', () => {
  it('number the rows from 1 in the order of the file', async () => {
    const { first, deep, sql } = await answers();
    expect(first.records.map((r) => [r._id, r.ward])).toEqual([
      [1, 'A0'],
      [2, 'B1'],
      [3, 'C2'],
      [4, 'D3'],
      [5, 'E4'],
    ]);
    expect(deep.records[0]).toMatchObject({ _id: 251, ward: 'Q250', count: 750 });
    expect(sql).toMatchObject({
      records: [
        { _id: 1, ward: 'A0' },
        { _id: 150, ward: 'T149' },
        { _id: 300, ward: 'N299' },
      ],
    });
  });

  it('are the same for a version that stores them as a column, as older versions do', async () => {
    const before = await answers();
    const version = await t.ctx.db.kysely
      .selectFrom('datastore_versions')
      .select(['blob_key', 'row_ids'])
      .where('resource_id', '=', resourceId)
      .executeTakeFirstOrThrow();
    expect(version.row_ids).toBe('position');
    // Rewrite the file as a load before file positions wrote it: `_id` first, stored.
    const file = t.ctx.blobs.localPath(version.blob_key);
    if (!file) throw new Error('no local file');
    const old = `${file}.old.parquet`;
    await t.ctx.engine.all(
      `COPY (SELECT file_row_number + 1 AS _id, * EXCLUDE (file_row_number) FROM read_parquet(${sqlString(file)}, file_row_number = true)) TO ${sqlString(old)} (FORMAT parquet)`,
    );
    await t.ctx.engine.all(
      `COPY (SELECT * FROM read_parquet(${sqlString(old)})) TO ${sqlString(file)} (FORMAT parquet)`,
    );
    await t.ctx.db.kysely
      .updateTable('datastore_versions')
      .set({ row_ids: 'stored' })
      .where('resource_id', '=', resourceId)
      .execute();
    const after = await answers();
    expect(after).toEqual(before);
  });

  it('keep the file order for filtered pages across many row groups and threads', async () => {
    // 300,000 rows: several Parquet row groups, read by several threads at once.
    const many = Array.from({ length: 300_000 }, (_, i) => `${i + 1},${i % 3}`).join('\n');
    const res = await uploadCsv(
      t,
      '/api/v1/datasets/bus-punctuality/resources?wait=true',
      fx.tokens.editor,
      `n,g\n${many}\n`,
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const get = async (query: string) => {
      const r = await t.app.inject(`/api/v1/resources/${id}/query?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ records: { _id: number; n: number }[]; next_cursor: string | null }>();
    };
    // In file order (no sort), and sorted by a column holding the same order: the same rows.
    const plain = await get('filter=g:eq:1&limit=4&offset=90000');
    const sorted = await get('filter=g:eq:1&limit=4&offset=90000&sort=n');
    expect(plain.records.map((r) => r._id)).toEqual([270002, 270005, 270008, 270011]);
    expect(sorted.records).toEqual(plain.records);
    const next = await get(`filter=g:eq:1&limit=2&cursor=${plain.next_cursor ?? ''}`);
    expect(next.records.map((r) => r.n)).toEqual([270014, 270017]);
  });
});
