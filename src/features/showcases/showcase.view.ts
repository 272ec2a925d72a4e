import type { Showcase } from '../../platform/db/schema.js';
import type { ShowcaseDatasetRow } from './showcase.repository.js';
import { STATUS_LABELS, TYPE_LABELS } from './showcase-types.js';

// A showcase as the API and the pages show it (snake_case, with its addresses).

export interface PublicShowcase {
  id: string;
  slug: string;
  title: string;
  description: string;
  type: Showcase['type'];
  type_label: string;
  link: string;
  author: { name: string };
  status: Showcase['status'];
  status_label: string;
  rejection_reason: string | null;
  image: { url: string; width: number; height: number } | null;
  datasets: { slug: string; title: string; url: string; api_url: string }[];
  url: string;
  api_url: string;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
}

/** The image's address: its key's last part, so a new image is a new address (cached for long). */
export function imageUrl(showcase: Showcase): string | null {
  const file = showcase.image_key?.split('/').pop();
  return file ? `/showcases/${showcase.slug}/images/${file}` : null;
}

export function publicShowcase(
  s: Showcase,
  datasets: readonly ShowcaseDatasetRow[],
  baseUrl: string,
): PublicShowcase {
  const image = imageUrl(s);
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    description: s.description,
    type: s.type,
    type_label: TYPE_LABELS[s.type],
    link: s.link,
    author: { name: s.author_name },
    status: s.status,
    status_label: STATUS_LABELS[s.status],
    rejection_reason: s.rejection_reason,
    image:
      image && s.image_width && s.image_height
        ? { url: `${baseUrl}${image}`, width: s.image_width, height: s.image_height }
        : null,
    datasets: datasets.map((d) => ({
      slug: d.slug,
      title: d.title,
      url: `${baseUrl}/datasets/${d.slug}`,
      api_url: `${baseUrl}/api/v1/datasets/${d.slug}`,
    })),
    url: `${baseUrl}/showcases/${s.slug}`,
    api_url: `${baseUrl}/api/v1/showcases/${s.slug}`,
    created_at: s.created_at,
    updated_at: s.updated_at,
    decided_at: s.decided_at,
  };
}
