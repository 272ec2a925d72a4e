// Filters for sources whose API cannot narrow the catalogue (DataPress's export, data.json): the
// whole catalogue is read and each dataset kept or dropped here, as the source's search would.
import type { HarvestFilters, HarvestedDataset } from '../harvest-record.js';

const fold = (s: string): string => s.trim().toLocaleLowerCase('en');

/**
 * Whether a dataset passes the filters: the organisation is the publisher's name, the tag one of
 * its tags (both ignoring case), and every word of the query is in its title, description or tags
 * (every word, so that "bus stops" does not bring in every dataset that says "bus").
 */
export function passesFilters(dataset: HarvestedDataset, filters: HarvestFilters): boolean {
  const { organisation, tag, query } = filters;
  if (organisation?.trim() && fold(dataset.publisher ?? '') !== fold(organisation)) return false;
  if (tag?.trim() && !dataset.tags.some((t) => fold(t) === fold(tag))) return false;
  if (query?.trim()) {
    const haystack = fold([dataset.title, dataset.description, ...dataset.tags].join(' '));
    if (
      !fold(query)
        .split(/\s+/)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  return true;
}
