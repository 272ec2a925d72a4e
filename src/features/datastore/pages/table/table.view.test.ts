import { describe, expect, it } from 'vitest';
import type { Field } from '../../field.js';
import type { QueryResult } from '../../query.service.js';
import { checkFilters, tableQuery, tableStateOf } from './table-params.js';
import { tableView } from './table.view.js';

const fields: Field[] = [
  { name: 'borough', type: 'text' },
  { name: 'cost', type: 'integer' },
];

describe('the table state in the URL', () => {
  it('lines up the filter rows, drops empty ones and keeps paging sane', () => {
    const state = tableStateOf({
      field: ['borough', '', 'cost'],
      op: ['in', 'eq', 'gt'],
      value: ['Bolton|Bury', '', '5'],
      limit: '5000',
      page: '-2',
    });
    expect(state.filters).toEqual([
      { field: 'borough', op: 'in', value: 'Bolton|Bury' },
      { field: 'cost', op: 'gt', value: '5' },
    ]);
    expect(state.limit).toBe(1000);
    expect(state.page).toBe(1);
    expect(tableQuery(state).filters?.[0]).toEqual({
      field: 'borough',
      op: 'in',
      value: ['Bolton', 'Bury'],
    });
  });

  it('asks for an offset on near pages and the cursor when one was handed on', () => {
    expect(tableQuery(tableStateOf({ page: '3', sort: '-cost' }))).toMatchObject({
      offset: 200,
      sort: [{ field: 'cost', dir: 'desc' }],
    });
    const deep = tableQuery(tableStateOf({ page: '500', cursor: 'abc' }));
    expect(deep.cursor).toBe('abc');
    expect(deep.offset).toBeUndefined();
  });

  it('names the filter row and control of each mistake', () => {
    const errors = checkFilters(
      [
        { field: 'nope', op: 'eq', value: '1' },
        { field: 'cost', op: 'gt', value: ' ' },
        { field: 'cost', op: 'is_null', value: '' },
      ],
      fields,
    );
    expect(errors.map((e) => e.href)).toEqual(['#filter-field-1', '#filter-value-2']);
  });
});

describe('the table pagination', () => {
  const result = (next: string | null): QueryResult => ({
    fields: [{ name: '_id', type: 'integer' }, ...fields],
    records: [{ _id: 1, borough: 'Bolton', cost: 1234 }],
    total: 1_000_000,
    next_cursor: next,
    version: 1,
    geometry: null,
  });

  it('hands the cursor to a deep Next link only', () => {
    const deep = tableView('/t', 'r', 'http://x', tableStateOf({ page: '200' }), result('c1'), []);
    expect(deep.pagination?.next?.href).toBe('/t?page=201&cursor=c1');
    expect(deep.pagination?.items.at(-1)).toMatchObject({ number: '10000', href: '/t?page=10000' });
    const near = tableView('/t', 'r', 'http://x', tableStateOf({ page: '2' }), result('c1'), []);
    expect(near.pagination?.next?.href).toBe('/t?page=3');
    expect(near.rows[0]?.[1]).toEqual({ text: '1,234', numeric: true });
  });
});
