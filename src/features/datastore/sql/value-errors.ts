import { invalidParameter } from '../../../platform/errors.js';

// Values are checked against their columns' types before a query runs (query-values.ts); should
// DuckDB still be unable to convert one, or a result overflow its type, that is the query's
// fault, not the server's: a 400. Every other engine error stays what it is (a 500).
const VALUE_ERROR = /^(Conversion Error|Out of Range Error):/;

/** A DuckDB conversion or range error as a 400 naming the parameter; anything else unchanged. */
export function asValueError(err: unknown): unknown {
  if (!(err instanceof Error) || !VALUE_ERROR.test(err.message)) return err;
  const why = (err.message.split('\n')[0] ?? '').slice(0, 300);
  const parameter = /overflow/i.test(why) ? 'aggregates' : 'filters';
  return invalidParameter(parameter, `The query has a value its column cannot hold: ${why}`);
}
