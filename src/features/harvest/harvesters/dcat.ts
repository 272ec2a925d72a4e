import type { Store } from 'n3';
import type {
  HarvestFilters,
  ReadItem,
  HarvestedDataset,
  Harvester,
  HarvesterInput,
} from '../harvest-record.js';
import { datasetNodes, nextPage, readDataset, type Node } from './dcat-read.js';
import { contextLoader, parseRdfPage } from './rdf-parse.js';

// A DCAT(-AP) catalogue in Turtle, N-Triples, RDF/XML or JSON-LD (rdf-parse.ts), page by page
// along its Hydra links: another Metrodata's /catalog.ttl, or any portal that publishes DCAT.
// Only one page is held at a time.

export const DCAT_ACCEPT =
  'text/turtle, application/n-triples;q=0.9, application/ld+json;q=0.8, application/rdf+xml;q=0.7';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** DCAT has no query API, so the filters are applied here, to what each page lists. */
export function matchesFilters(d: HarvestedDataset, filters: HarvestFilters): boolean {
  const { organisation, tag, query } = filters;
  if (organisation && !(d.publisher !== null && same(d.publisher, organisation))) return false;
  if (tag && !d.tags.some((t) => same(t, tag))) return false;
  if (query) {
    const q = query.trim().toLowerCase();
    if (!`${d.title}\n${d.description}`.toLowerCase().includes(q)) return false;
  }
  return true;
}

/** A dataset node as an item, or null when the filters leave it out. */
function readItem(store: Store, node: Node, filters: HarvestFilters): ReadItem | null {
  let d: HarvestedDataset;
  try {
    d = readDataset(store, node);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const identifier = node.termType === 'NamedNode' ? node.value : null;
    return { identifier, error: `The dataset could not be read: ${reason}` };
  }
  if (!matchesFilters(d, filters)) return null;
  if (!d.identifier) {
    return {
      identifier: null,
      error: `A dataset${d.title ? ` ("${d.title}")` : ''} is a blank node without dct:identifier, so it cannot be recognised from one harvest to the next`,
    };
  }
  if (!d.title) return { identifier: d.identifier, error: 'The dataset has no dct:title' };
  return { dataset: d };
}

/** The http(s) URL as one spelling, so the loop guard sees two spellings of a page as one. */
function pageKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`The catalogue's next page is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`The catalogue's next page is not an http(s) URL: ${url}`);
  }
  parsed.hash = '';
  return parsed.href;
}

export async function* harvestDcat(input: HarvesterInput): AsyncGenerator<ReadItem> {
  const { fetcher, filters } = input;
  const seen = new Set<string>();
  const loadContext = contextLoader(fetcher);
  let next: string | null = input.url;
  while (next !== null) {
    const key = pageKey(next);
    // A page that links back to one already read would never end; stop rather than repeat.
    if (seen.has(key)) throw new Error(`The catalogue's pages loop: ${next} was already read`);
    seen.add(key);
    const page = await fetcher.get(next, DCAT_ACCEPT);
    const answered = pageKey(page.url);
    if (answered !== key && seen.has(answered)) {
      throw new Error(`The catalogue's pages loop: ${next} led back to ${page.url}`);
    }
    seen.add(answered);
    const store = await parseRdfPage(page, loadContext);
    for (const node of datasetNodes(store)) {
      const item = readItem(store, node, filters);
      if (item) yield item;
    }
    next = nextPage(store, page.url);
  }
}

/** Reads a DCAT catalogue's pages (docs/architecture.md, "Harvesting DCAT"). */
export const dcatHarvester: Harvester = harvestDcat;
