import type { FastifyRequest } from 'fastify';
import type { Answers } from '../reports/index.js';
import { open311Fail } from './open311-errors.js';

// Reading GeoReport v2 parameters: from the query string and, for a POST, the form body too
// (clients differ: the official Swagger puts them in the query). Each is a plain string; a
// bad one is a 400 naming it.

export type Params = Record<string, unknown>;

export function paramsOf(request: FastifyRequest): Params {
  const query = (request.query ?? {}) as Params;
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body)
    ? { ...query, ...(body as Params) }
    : { ...query };
}

/** A parameter given at most once, trimmed; undefined when absent or blank. */
export function one(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw open311Fail(400, `${name} must be given once`);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function required(params: Params, name: string): string {
  const value = one(params, name);
  if (value === undefined) throw open311Fail(400, `${name} is required`);
  return value;
}

export function numberParam(params: Params, name: string): number | undefined {
  const value = one(params, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw open311Fail(400, `${name} must be a number`);
  return n;
}

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A W3C date-time (ISO 8601) as a Date. */
export function dateParam(params: Params, name: string): Date | undefined {
  const value = one(params, name);
  if (value === undefined) return undefined;
  const at = Date.parse(value);
  if (!W3C_DATETIME.test(value) || Number.isNaN(at)) {
    throw open311Fail(400, `${name} must be a date and time, such as 2026-04-14T06:37:38Z`);
  }
  return new Date(at);
}

/** The specification's default and largest window. */
const WINDOW_MS = 90 * 86_400_000;

/**
 * The window of `start_date`/`end_date`: the specification's 90 days by default (ending now, or
 * starting at start_date), and at most that.
 */
export function dateWindow(params: Params): { from: string; to: string } {
  const start = dateParam(params, 'start_date');
  const end = dateParam(params, 'end_date');
  const to = end ?? (start ? new Date(start.getTime() + WINDOW_MS) : new Date());
  const from = start ?? new Date(to.getTime() - WINDOW_MS);
  if (from > to) throw open311Fail(400, 'start_date must be before end_date');
  if (to.getTime() - from.getTime() > WINDOW_MS) {
    throw open311Fail(400, 'start_date and end_date may not span more than 90 days');
  }
  // end_date is inclusive in the specification; the query's end is exclusive.
  return { from: from.toISOString(), to: new Date(to.getTime() + 1).toISOString() };
}

/** A comma-separated list (`service_request_id=a,b`), also accepted repeated. */
export function listParam(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return parts.length > 0 ? parts : undefined;
}

const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

/** `attribute[code]=v` and, for lists, `attribute[code][]=v` repeated. */
export function attributesOf(params: Params): Answers {
  const answers: Answers = {};
  for (const [key, value] of Object.entries(params)) {
    const match = ATTRIBUTE.exec(key);
    const code = match?.[1];
    if (!code) continue;
    const values = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string',
    );
    if (match[2] || values.length > 1) answers[code] = values;
    else answers[code] = values[0] ?? '';
  }
  return answers;
}
