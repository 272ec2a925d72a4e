import { formatFromHint } from './format-hint.js';

// A source's word for a file's format (a file-type code, an extension, a media type) as the short
// name Metrodata writes. Unknown formats give null rather than a guess: the harvest can still
// sniff the file later, and a wrong name would be shown to users.

// IANA's registry pages, which DCAT-AP uses as media type IRIs (with or without www, http(s)).
const IANA = /^https?:\/\/(?:www\.)?iana\.org\/assignments\/media-types\//i;

/** A media type from an IANA IRI or a literal like "text/csv; charset=utf-8", else null. */
export function mediaTypeOf(value: string | null): string | null {
  if (!value) return null;
  const type = value.replace(IANA, '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z]+\/[\w.+-]+$/.test(type) ? type : null;
}

/** The last segment of an IRI (EU file-type .../CSV, a frequency .../MONTHLY), or the value. */
export function lastSegment(value: string): string {
  return (
    value
      .replace(/[#/]+$/, '')
      .split(/[#/]/)
      .pop() ?? value
  );
}

/** "CSV", ".csv", "text/csv", EU .../file-type/GEOJSON, IANA .../text/csv → a short name. */
export function formatName(value: string | null): string | null {
  if (!value) return null;
  const mediaType = mediaTypeOf(value);
  if (mediaType) return formatFromHint(null, mediaType);
  const name = (/^https?:/i.test(value) ? lastSegment(value) : value).trim().replace(/^\./, '');
  return formatFromHint(name);
}
