import type { Harvester } from '../harvest-record.js';
import { readChanges } from './ckan-incremental.js';
import { ckanPackage } from './ckan-package.js';
import { ckanBase, filterParams, searchAll } from './ckan-search.js';

// CKAN (Data Mill North, data.gov.uk and their family): package_search page by page
// (ckan-search.ts), each package put in Metrodata's terms (ckan-package.ts).

export { ckanPackage };

export const ckanHarvester: Harvester = async function* (input) {
  const base = ckanBase(input.url);
  // After a complete run, only what changed since is read in full (ckan-incremental.ts).
  if (input.since && (yield* readChanges(base, input, input.since))) return;
  for await (const { pkg, index } of searchAll(base, filterParams(input.filters), input.fetcher)) {
    yield ckanPackage(base, pkg, index);
  }
};
