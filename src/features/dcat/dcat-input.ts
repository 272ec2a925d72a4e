import type { Licence } from '../catalog/index.js';

/** What a dataset's description is built from: the catalogue's public JSON shape. */
export interface DcatDatasetInput {
  id: string;
  slug: string;
  title: string;
  description: string;
  organisation: { slug: string; name: string; kind: string };
  licence: Pick<Licence, 'id' | 'title' | 'url'>;
  tags: string[];
  themes: { slug: string; title: string }[];
  update_frequency: string | null;
  temporal_coverage: { start: string | null; end: string | null } | null;
  spatial_coverage: string | null;
  contact: { name: string | null; email: string | null } | null;
  created_at: string;
  modified_at: string;
  resources: DcatResourceInput[];
}

export interface DcatResourceInput {
  id: string;
  name: string;
  description: string;
  format: string;
  media_type: string | null;
  size: number | null;
  sha256: string | null;
  kind: 'file' | 'link';
  url: string | null;
}
