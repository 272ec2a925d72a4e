import { Type } from 'typebox';
import { formChecker } from '../../../../platform/views/forms/form-check.js';
import { QueryBody, queryResource } from '../../../datastore/index.js';
import { int, type CkanAction } from '../../ckan-action.js';
import { ckanInvalid } from '../../ckan-failure.js';
import { ckanType } from './ckan-types.js';
import { asCkanNotFound } from './not-loaded.js';
import { formatRecords, pageLinks } from './records-format.js';
import { ROWS_MAX, searchParams } from './search-params.js';

// datastore_search on the datastore's query service: the same policy (404 for a resource the
// caller may not read), the same checks of fields and values, the same time limit.

/** The query API's own limits on a query, but CKAN's ceiling on a page. */
const checkQuery = formChecker(
  Type.Object(
    {
      ...QueryBody.properties,
      limit: Type.Optional(Type.Integer({ minimum: 0, maximum: ROWS_MAX })),
    },
    { additionalProperties: false },
  ),
  {},
  (e) => e.instancePath.split('/')[1] ?? 'resource_id',
);

export const datastoreSearch: CkanAction = {
  name: 'datastore_search',
  help:
    'Search a DataStore resource.\n\n' +
    ':param resource_id: id of the resource to be searched against (or `id`)\n' +
    ':param filters: {field: value or [values]}, exact matches\n' +
    ':param q: text searched over the row, or {field: text}\n' +
    ':param distinct: distinct rows of `fields`\n:param plain, language: ignored\n' +
    ':param limit: default 100, at most 32000\n:param offset\n' +
    ':param fields: a list or comma-separated text\n' +
    ':param sort: comma-separated "field [asc|desc]"\n' +
    ':param include_total: default true\n' +
    ':param total_estimation_threshold: accepted; totals here are exact\n' +
    ':param records_format: objects (default), lists, csv or tsv\n' +
    ':returns: resource_id, fields, records, total, total_was_estimated, limit, offset, _links\n' +
    ':rtype: dictionary',
  run: async (call) => {
    const p = searchParams(call);
    int(call, 'total_estimation_threshold', { default: 0, min: 0 });
    const errors = checkQuery(p.input);
    if (errors.length > 0) {
      throw ckanInvalid(
        Object.fromEntries(errors.map((e) => [e.field, [e.message]])),
        errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      );
    }
    const result = await asCkanNotFound(() =>
      queryResource(call.ctx, call.actor, p.resourceId, p.input),
    );
    const types = new Map(result.fields.map((f) => [f.name, f.type]));
    // The columns answered: those asked for, in that order (`_id` only if asked), else all.
    const names = (p.fields ?? result.fields.map((f) => f.name)).filter((n) => types.has(n));
    const fields = names.map((id) => ({ id, type: ckanType(types.get(id) ?? 'text') }));
    const records = result.records.map((r) => Object.fromEntries(names.map((n) => [n, r[n]])));
    const limit = p.input.limit ?? 100;
    const offset = p.input.offset ?? 0;
    return {
      include_total: p.includeTotal,
      resource_id: p.resourceId,
      fields,
      records_format: p.format,
      records: formatRecords(records, names, p.format),
      limit,
      ...(p.offsetGiven ? { offset } : {}),
      _links: pageLinks(call.request.url, offset, limit),
      ...(p.includeTotal ? { total: result.total, total_was_estimated: false } : {}),
    };
  },
};
