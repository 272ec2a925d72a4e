import type {
  HarvestedDataset,
  HarvestFetcher,
  HarvestItem,
} from '../../src/features/harvest/harvest-record.js';

// A harvester's input in unit tests: a fetcher answering fixture bodies by URL (the real one,
// with its address checks and limits, is tested in platform/http/outbound.test.ts).

/** Answers each URL with its body, or fails as a non-2xx answer would (`missing` is its status). */
export function fetcherFor(
  pages: Record<string, string>,
  missing = 404,
): HarvestFetcher & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    get(url) {
      urls.push(url);
      const page = pages[url];
      if (page === undefined) return Promise.reject(new Error(`HTTP ${missing} for ${url}`));
      return Promise.resolve({ url, body: page, contentType: 'application/json' });
    },
  };
}

/** Every item a harvest yields, in order. */
export async function collect(items: AsyncIterable<HarvestItem>): Promise<HarvestItem[]> {
  const out: HarvestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The datasets among the items (not the errors). */
export const datasetsOf = (items: HarvestItem[]): HarvestedDataset[] =>
  items.flatMap((i) => ('dataset' in i ? [i.dataset] : []));
