import type { CkanCall } from '../../ckan-action.js';
import { packageSearch } from './package-search.js';

/** An organization's or group's datasets, as CKAN's *_show include them: the first 1,000. */
export async function packagesOf(call: CkanCall, fq: string): Promise<unknown[]> {
  const found = (await packageSearch.run({
    ...call,
    params: { fq, rows: 1000, include_private: true, facet: false, sort: 'title_string asc' },
  })) as { results: unknown[] };
  return found.results;
}
