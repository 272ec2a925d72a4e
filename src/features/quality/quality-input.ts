// What the scoring rules read of a dataset: plain values gathered by quality-recompute.ts, so
// the rules are pure functions a test can call without a database.

/** The last check of a resource's link (null: not checked yet). */
export interface LinkCheckResult {
  status: number | null;
  error: string | null;
  checked_at: string;
}

export interface ResourceInput {
  id: string;
  name: string;
  format: string;
  media_type: string | null;
  /** A link to elsewhere (null for a file uploaded here, which the platform itself serves). */
  url: string | null;
  size: number | null;
  /** Loaded into the datastore, so its rows answer the query API at a stable URI. */
  queryable: boolean;
  link: LinkCheckResult | null;
}

export interface DatasetInput {
  title: string;
  description: string;
  licence: { id: string; open: boolean; known: boolean };
  tags: readonly string[];
  themes: readonly string[];
  spatial_coverage: string | null;
  temporal_start: string | null;
  temporal_end: string | null;
  contact_name: string | null;
  contact_email: string | null;
  publisher: string | null;
  update_frequency: string | null;
  created_at: string;
  modified_at: string;
  resources: readonly ResourceInput[];
}

/** A link that answered with an error, or did not answer; null when it is fine or unchecked. */
export function linkProblem(link: LinkCheckResult | null): string | null {
  if (!link) return null;
  if (link.status !== null && link.status < 400) return null;
  if (link.status !== null) return `this link answers ${String(link.status)}`;
  return `this link did not answer (${link.error ?? 'no answer'})`;
}
