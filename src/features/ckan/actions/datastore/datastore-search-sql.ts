import { DomainError } from '../../../../platform/errors.js';
import { runSql } from '../../../sql/index.js';
import { str, type CkanAction } from '../../ckan-action.js';
import { CkanFailure } from '../../ckan-failure.js';
import { nativeType } from './ckan-types.js';

// datastore_search_sql on the SQL endpoint's service: one read-only SELECT, checked, on the
// tables the caller may read, under its time and row limits. Tables are named by resource id,
// as in CKAN (`SELECT * FROM "<resource id>"`), or "dataset/resource" as on /api/v1/sql.

/** CKAN's answer to SQL it will not run: a 409 with the `query` and what was wrong in `info`. */
function refusedSql(sql: string, message: string) {
  return new CkanFailure(409, {
    __type: 'Validation Error',
    message,
    query: [message],
    info: { statement: [sql], params: [{}], orig: [message] },
  });
}

export const datastoreSearchSql: CkanAction = {
  name: 'datastore_search_sql',
  help:
    'Execute SQL queries on the DataStore: one read-only SELECT, on tables named by resource ' +
    'id in double quotes.\n\n:param sql: a single SQL SELECT statement\n' +
    ':returns: records, fields and records_truncated when cut at the row limit\n' +
    ':rtype: dictionary',
  run: async (call) => {
    const sql = str(call, 'sql', true);
    try {
      const answer = await runSql(call.ctx, call.actor, { sql });
      return {
        sql,
        fields: answer.fields.map((f) => ({ id: f.name, type: nativeType(f.type) })),
        records: answer.records,
        ...(answer.truncated ? { records_truncated: true } : {}),
      };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // CKAN's words for a statement stopped at the time limit.
      if (err.code === 'sql_timeout') {
        throw new CkanFailure(409, {
          __type: 'Validation Error',
          message: err.message,
          query: ['Query took too long'],
        });
      }
      if (err.kind !== 'invalid') throw err;
      // A table that is not there and one the caller may not read get the same answer, so a
      // private table's existence is not revealed; as CKAN, a 403.
      if (err.code === 'unknown_table') {
        throw new CkanFailure(403, {
          __type: 'Authorization Error',
          message: `Access denied: Not authorized to read resource. ${err.message}`,
        });
      }
      throw refusedSql(sql, err.message);
    }
  },
};
