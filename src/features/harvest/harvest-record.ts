// What a harvester hands the harvest: each dataset a source publishes, read from the source's own
// API and put in Metrodata's terms, before it is compared with what was harvested before and
// stored. Harvesters only read and translate; they store nothing and never throw for one bad
// record (they yield its error, and the run goes on).

/** A file or link of a harvested dataset. */
export interface HarvestedResource {
  url: string;
  name: string;
  description: string;
  /** Short format name as Metrodata writes them (CSV, XLSX, GeoJSON, JSON, PDF …), if known. */
  format: string | null;
  mediaType: string | null;
  /** Bytes, when the source says. */
  size: number | null;
  /** ISO 8601, when the source says when the file last changed. */
  modified: string | null;
}

/** A dataset as a source publishes it. */
export interface HarvestedDataset {
  /** The source's own identifier for it (CKAN id, DCAT URI, Socrata id …): stable across runs. */
  identifier: string;
  title: string;
  /** Plain text or Markdown; HTML is turned to text by the harvest before it is stored. */
  description: string;
  /** The source's licence: an id (CKAN's `license_id`, `OGL-UK-3.0`) or a URL, if any. */
  licence: string | null;
  tags: string[];
  /** The dataset's page at the source. */
  landingPage: string | null;
  /** ISO 8601, when the source last changed the dataset's metadata. */
  modified: string | null;
  /** The publishing body's name as the source gives it. */
  publisher: string | null;
  contactName: string | null;
  contactEmail: string | null;
  /** How often the source says it is updated, in its own words or as a Metrodata frequency. */
  updateFrequency: string | null;
  temporalStart: string | null;
  temporalEnd: string | null;
  resources: HarvestedResource[];
}

/** A dataset of the source read in full, or why one could not be read. */
export type ReadItem = { dataset: HarvestedDataset } | { identifier: string | null; error: string };

/**
 * In an incremental run (`since` given), a dataset the source still lists and says has not
 * changed since then: the harvest keeps it as it is without reading it, or calls `read` for the
 * whole record when it needs it (a dataset it does not hold yet, or one deleted here).
 */
export interface ListedItem {
  listed: string;
  read: () => Promise<ReadItem>;
}

/** One item of a source's catalogue: a dataset, why one could not be read, or one still listed. */
export type HarvestItem = ReadItem | ListedItem;

/** What a harvest may narrow a source to (each harvester applies those its API supports). */
export interface HarvestFilters {
  /** The source's own name for a publishing organisation. */
  organisation?: string;
  tag?: string;
  /** Free-text search at the source. */
  query?: string;
}

/** How a harvester reads the source: requests checked and limited by the harvest. */
export interface HarvestFetcher {
  /** GET `url` with Accept `accept`; the answer's text and content type. Throws on non-2xx. */
  get(url: string, accept?: string): Promise<{ url: string; body: string; contentType: string }>;
}

export interface HarvesterInput {
  /** The source's base URL as the administrator gave it. */
  url: string;
  filters: HarvestFilters;
  fetcher: HarvestFetcher;
  /**
   * When the last complete, clean run of this source started (ISO 8601; null or absent: read
   * everything). A harvester whose source can say what changed since (CKAN's metadata_modified)
   * may read only those in full and yield the rest as ListedItems; one that cannot ignores it.
   * Either way every dataset still at the source is yielded, so withdrawals still work.
   */
  since?: string | null;
}

/** Reads a source's whole catalogue, page by page, as items. */
export type Harvester = (input: HarvesterInput) => AsyncIterable<HarvestItem>;

/** An empty resource, for harvesters to fill in. */
export const resource = (url: string, name: string): HarvestedResource => ({
  url,
  name,
  description: '',
  format: null,
  mediaType: null,
  size: null,
  modified: null,
});

/** An empty dataset, for harvesters to fill in. */
export const dataset = (identifier: string, title: string): HarvestedDataset => ({
  identifier,
  title,
  description: '',
  licence: null,
  tags: [],
  landingPage: null,
  modified: null,
  publisher: null,
  contactName: null,
  contactEmail: null,
  updateFrequency: null,
  temporalStart: null,
  temporalEnd: null,
  resources: [],
});
