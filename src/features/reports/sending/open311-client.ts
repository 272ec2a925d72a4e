import type { AppContext } from '../../../context.js';
import { setMetaValue } from '../../../platform/db/meta.repository.js';
import type { CategoryRoute, Report } from '../../../platform/db/schema.js';
import type { Category } from '../category.service.js';
import { listPhotoRows } from '../report-parts.repository.js';
import { photoUrl } from '../service-requests.service.js';
import { endpointUrl, open311Call, type FormValues } from './open311-http.js';
import { queueOpen311Poll, tokenKey } from './open311-poll-queue.js';

// Sending a report to a body's own GeoReport v2 endpoint (POST requests.json). The body gets
// the reporter's contact, as it would from its own web form: it may need to ask them more.

export interface Open311Sent {
  /** The body's service_request_id (null while it only gave a token). */
  externalId: string | null;
  /** The token the body gave instead, kept until the poll resolves it (see open311-updates). */
  token?: string | undefined;
}

/** "Jane Q Smith" → first "Jane", last "Q Smith", as FixMyStreet splits a name. */
export function splitName(name: string | null): { first: string; last: string } {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  return { first: words[0] ?? '', last: words.slice(1).join(' ') };
}

function attributeValues(answers: string): FormValues {
  const parsed = JSON.parse(answers) as Record<string, string | string[]>;
  return Object.entries(parsed).flatMap(([code, value]): FormValues =>
    Array.isArray(value)
      ? value.map((v): [string, string] => [`attribute[${code}][]`, v])
      : [[`attribute[${code}]`, value]],
  );
}

/** The form a body's endpoint is sent for a report. */
export async function open311Form(
  ctx: AppContext,
  input: { report: Report; category: Category; route: CategoryRoute },
): Promise<FormValues> {
  const { report, category, route } = input;
  const photo = (await listPhotoRows(ctx.db.kysely, report.id)).find((p) => p.hidden === 0);
  const media = photo ? photoUrl(ctx, report.id, photo.id) : report.media_url;
  const name = splitName(report.reporter_name);
  const form: FormValues = [
    ['api_key', route.secret ?? ''],
    ['service_code', route.remote_code ?? category.code],
    ['lat', String(report.latitude)],
    ['long', String(report.longitude)],
    ['description', report.description],
    ...attributeValues(report.attributes),
  ];
  const optional: [string, string | null][] = [
    ['jurisdiction_id', route.jurisdiction_id],
    ['address_string', report.address],
    ['email', report.reporter_email],
    ['first_name', name.first || null],
    ['last_name', name.last || null],
    ['phone', report.reporter_phone],
    ['media_url', media],
  ];
  for (const [k, v] of optional) if (v) form.push([k, v]);
  return form;
}

/** The first answer of a POST requests reply: its id, or a token to resolve later. */
function readCreated(answer: unknown): Open311Sent {
  const first: unknown = Array.isArray(answer) ? answer[0] : answer;
  const { service_request_id: id, token } = (first ?? {}) as Record<string, unknown>;
  const text = (v: unknown) =>
    typeof v === 'string' && v.trim() !== ''
      ? v.trim()
      : typeof v === 'number' && Number.isFinite(v)
        ? String(v)
        : null;
  if (text(id)) return { externalId: text(id) };
  const given = text(token);
  if (given) return { externalId: null, token: given };
  throw new Error('The Open311 endpoint answered neither a service_request_id nor a token');
}

/** POSTs the report to the route's endpoint; throws on any failure (the job retries). */
export async function sendByOpen311(
  ctx: AppContext,
  input: { report: Report; category: Category; route: CategoryRoute },
): Promise<Open311Sent> {
  const url = endpointUrl(input.route.destination, 'requests.json');
  const sent = readCreated(
    await open311Call(ctx, url, await open311Form(ctx, input), `Sending report ${input.report.id}`),
  );
  // The poll asks the body's tokens/{token}.json for the id later.
  if (sent.token) await setMetaValue(ctx.db.kysely, tokenKey(input.report.id), sent.token);
  // Its updates are read back by the poll, which starts now if nothing started it yet.
  await queueOpen311Poll(ctx, ctx.config.open311PollIntervalS);
  return sent;
}
