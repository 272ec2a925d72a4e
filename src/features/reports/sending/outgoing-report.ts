import type { AppContext } from '../../../context.js';
import type { CategoryRoute, Report } from '../../../platform/db/schema.js';
import type { Answers } from '../attributes.js';
import type { Category } from '../category.service.js';
import { listPhotoRows } from '../report-parts.repository.js';

// What a body is sent about a report, whichever way it goes: the same facts in an e-mail and
// in a webhook's JSON (docs/api.md, "Webhooks: reports sent to a body"). The reporter's contact
// is in it: the body answering the report may see it; the public never does.

export interface Dispatch {
  report: Report;
  category: Category;
  route: CategoryRoute;
  body: { slug: string; name: string };
  /** The job's id: the same on every attempt, so a receiver can drop repeats. */
  deliveryId: string;
}

export interface OutgoingReport {
  id: string;
  url: string;
  category: { code: string; name: string; group: string };
  body: { slug: string; name: string };
  lat: number;
  lon: number;
  map_url: string;
  ward: { code: string; name: string | null } | null;
  address: string | null;
  description: string;
  /** The answers to the category's questions, by question code. */
  attributes: Answers;
  /** The questions as asked, with the answers' names (for people reading them). */
  answers: { code: string; question: string; answer: string }[];
  photos: string[];
  media_url: string | null;
  reporter: { name: string | null; email: string | null; phone: string | null };
  created_at: string;
  confirmed_at: string | null;
}

/** OpenStreetMap at street level, with a marker on the point. */
export function mapUrl(lat: number, lon: number): string {
  const [la, lo] = [String(lat), String(lon)];
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${lo}#map=18/${la}/${lo}`;
}

function answersOf(category: Category, attributes: Answers) {
  return category.attributes
    .filter((a) => a.variable && attributes[a.code] !== undefined)
    .sort((a, b) => a.order - b.order)
    .map((a) => {
      const raw = attributes[a.code] ?? [];
      const keys = Array.isArray(raw) ? raw : [raw];
      const named = keys.map((k) => a.values?.find((v) => v.key === k)?.name ?? k);
      return { code: a.code, question: a.description || a.code, answer: named.join(', ') };
    });
}

export async function outgoingReport(ctx: AppContext, d: Dispatch): Promise<OutgoingReport> {
  const { report, category } = d;
  const base = ctx.config.baseUrl;
  const photos = (await listPhotoRows(ctx.db.kysely, report.id)).filter((p) => p.hidden === 0);
  const attributes = JSON.parse(report.attributes) as Answers;
  return {
    id: report.id,
    url: `${base}/reports/${report.id}`,
    category: { code: category.code, name: category.name, group: category.group },
    body: d.body,
    lat: report.latitude,
    lon: report.longitude,
    map_url: mapUrl(report.latitude, report.longitude),
    ward: report.ward_code ? { code: report.ward_code, name: report.ward_name } : null,
    address: report.address,
    description: report.description,
    attributes,
    answers: answersOf(category, attributes),
    photos: photos.map((p) => `${base}/reports/${report.id}/photos/${p.id}.jpg`),
    media_url: report.media_url,
    reporter: {
      name: report.reporter_name,
      email: report.reporter_email,
      phone: report.reporter_phone,
    },
    created_at: report.created_at,
    confirmed_at: report.confirmed_at,
  };
}
