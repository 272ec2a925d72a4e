import type { Selectable } from 'kysely';

// Showcases: what people built on the region's data (an app, a story, a visualisation, a
// research paper), submitted by anyone signed in and public once a site admin approves it.

export type ShowcaseType = 'app' | 'story' | 'visualisation' | 'research';
/** pending: waiting for a site admin; approved: public; rejected: with a reason for the author. */
export type ShowcaseStatus = 'pending' | 'approved' | 'rejected';

export interface ShowcaseTable {
  id: string;
  slug: string;
  title: string;
  /** Markdown. */
  description: string;
  type: ShowcaseType;
  /** http(s) only. */
  link: string;
  /** Null once the author's account is deleted (the showcase stays, under author_name). */
  author_id: string | null;
  /** The name the author chose to be shown. */
  author_name: string;
  status: ShowcaseStatus;
  rejection_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  /** The processed image (a JPEG without metadata) in the blob store, or null. */
  image_key: string | null;
  image_width: number | null;
  image_height: number | null;
  image_bytes: number | null;
  created_at: string;
  updated_at: string;
}

export interface ShowcaseDatasetTable {
  showcase_id: string;
  dataset_id: string;
  /** The order the author listed them in. */
  position: number;
}

export type Showcase = Selectable<ShowcaseTable>;
