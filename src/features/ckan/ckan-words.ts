import { createHash } from 'node:crypto';
import type { Publisher } from './ckan-types.js';

// Small translations into CKAN's words shared by the catalogue's actions and the package dicts.

/** CKAN writes its times as naive UTC ISO 8601 (no zone): `2024-05-01T09:30:00.000000`. */
export const ckanTime = (iso: string | null): string | null => (iso ? iso.replace(/Z$/, '') : null);

/**
 * A stable UUID for a name we keep without an id (a tag, a view), derived from it (SHA-1, the
 * shape of a version 5 UUID), so that the same thing has the same id in every answer.
 */
export function stableId(kind: string, name: string): string {
  const h = createHash('sha1').update(`${kind}:${name}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const tagDict = (name: string) => ({
  id: stableId('tag', name),
  name,
  display_name: name,
  state: 'active',
  vocabulary_id: null,
});

/** One of our organisations as CKAN's organization dict (the short form in package dicts). */
export const organizationDict = (o: Publisher) => ({
  id: o.id,
  name: o.slug,
  title: o.name,
  type: 'organization',
  description: o.description,
  image_url: '',
  created: ckanTime(o.created_at),
  is_organization: true,
  approval_status: 'approved',
  state: 'active',
});

/** One of our themes as a CKAN group (the short form in package dicts). */
export const groupDict = (t: { slug: string; title: string; description?: string }) => ({
  id: t.slug,
  name: t.slug,
  title: t.title,
  display_name: t.title,
  description: t.description ?? '',
  image_display_url: '',
});
