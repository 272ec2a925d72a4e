import type { AppContext } from '../../context.js';
import { DomainError, forbidden, invalidParameter, notFound } from '../../platform/errors.js';
import { authenticateToken, authorise, type Actor } from '../accounts/index.js';
import { lookupPostcode } from '../places/index.js';
import { findRegion } from '../region/index.js';
import {
  applyReportUpdate,
  createReport,
  getCategory,
  getReport,
  getServiceRequest,
  publicUpdateByExternalId,
  statusFromOpen311,
  type Answers,
  type PublicReportUpdate,
  type PublicServiceRequest,
} from '../reports/index.js';

// The rules behind the GeoReport v2 endpoint: who an api_key is, which jurisdiction is served,
// where a request is, and updates pushed by a body's own system. Reports are made and updated
// by the reports feature; this is the translation, and the policy is asked before each write.

/** The actor an Open311 `api_key` (a Metrodata API token) stands for. */
export async function actorForApiKey(ctx: AppContext, key: string | undefined): Promise<Actor> {
  if (!key) throw forbidden('api_key is required: an API token with the "reports" scope');
  try {
    return await authenticateToken(ctx, key);
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'unauthenticated') {
      throw forbidden(`api_key is not valid: ${err.message}`);
    }
    throw err;
  }
}

/** A `jurisdiction_id`, when given, must be this region's slug. */
export async function checkJurisdiction(ctx: AppContext, id: string | undefined): Promise<void> {
  if (id === undefined) return;
  const region = await findRegion(ctx);
  if (region?.slug !== id) {
    throw notFound(
      `jurisdiction_id ${id} (this endpoint serves ${region?.slug ?? 'no region yet'})`,
    );
  }
}

export interface ServiceRequestInput {
  serviceCode: string;
  lat?: number | undefined;
  lon?: number | undefined;
  addressString?: string | undefined;
  attributes: Answers;
  email?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  phone?: string | undefined;
  description?: string | undefined;
  mediaUrl?: string | undefined;
  clientAddress: string;
}

/** lat/long, or else address_string as a postcode the directory knows. */
async function pointOf(
  ctx: AppContext,
  input: ServiceRequestInput,
): Promise<{ lat: number; lon: number }> {
  if (input.lat !== undefined && input.lon !== undefined) return { lat: input.lat, lon: input.lon };
  if (input.lat !== undefined || input.lon !== undefined) {
    throw invalidParameter('long', 'lat and long must be given together');
  }
  if (!input.addressString) {
    throw invalidParameter('lat', 'a location is required: lat and long, or address_string');
  }
  try {
    const found = await lookupPostcode(ctx, input.addressString);
    return { lat: found.latitude, lon: found.longitude };
  } catch (err) {
    if (err instanceof DomainError && (err.kind === 'not_found' || err.kind === 'invalid')) {
      throw invalidParameter(
        'address_string',
        `address_string "${input.addressString.slice(0, 40)}" is not a postcode we know; send lat and long`,
      );
    }
    throw err;
  }
}

/** POST requests: a report from a client application, on behalf of its user. */
export async function submitServiceRequest(
  ctx: AppContext,
  actor: Actor,
  input: ServiceRequestInput,
): Promise<PublicServiceRequest> {
  authorise(actor, { type: 'report:submit' }, 'This api_key may not submit reports');
  await getCategory(ctx, input.serviceCode);
  const point = await pointOf(ctx, input);
  const name = [input.firstName, input.lastName].filter(Boolean).join(' ');
  const { report } = await createReport(ctx, actor, {
    category: input.serviceCode,
    ...point,
    description: input.description ?? '',
    address: input.addressString,
    attributes: input.attributes,
    name: name || undefined,
    email: input.email,
    phone: input.phone,
    mediaUrl: input.mediaUrl,
    source: 'open311',
    clientAddress: input.clientAddress,
  });
  return getServiceRequest(ctx, report.id);
}

export interface PushedUpdate {
  serviceRequestId: string;
  updateId: string;
  status?: string | undefined;
  description?: string | undefined;
  updatedAt?: string | undefined;
}

/** POST servicerequestupdates: the body's own system says what it did; each update_id once. */
export async function receiveUpdate(
  ctx: AppContext,
  actor: Actor,
  input: PushedUpdate,
): Promise<PublicReportUpdate> {
  const { report } = await getReport(ctx, actor, input.serviceRequestId);
  authorise(
    actor,
    { type: 'report:handle', organisationId: report.organisation_id },
    'Only the staff of the body responsible update this report',
  );
  const status = input.status === undefined ? undefined : statusFromOpen311(input.status);
  if (status === null) {
    throw invalidParameter(
      'status',
      'status must be open or closed, or one of OPEN, INVESTIGATING, IN_PROGRESS, ACTION_SCHEDULED, FIXED, CLOSED, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, INTERNAL_REFERRAL',
    );
  }
  const seen = await publicUpdateByExternalId(ctx, report, input.updateId);
  if (seen) return seen;
  await applyReportUpdate(ctx, report, {
    status,
    text: input.description ?? '',
    source: 'open311',
    externalId: input.updateId,
    at: input.updatedAt,
    authorId: actor.user?.id ?? null,
    organisationId: report.organisation_id,
  });
  const taken = await publicUpdateByExternalId(ctx, report, input.updateId);
  if (!taken) throw notFound(`Update ${input.updateId}`);
  return taken;
}
