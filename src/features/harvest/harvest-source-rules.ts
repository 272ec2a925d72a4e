import type { HarvestSourceType } from '../../platform/db/schema.js';
import type { FieldError } from '../../platform/errors.js';
import { OutboundRefused, outboundUrl } from '../../platform/http/outbound.js';
import { scheduleErrors, type Schedule } from './harvest-schedule.js';

// What a source must be, checked alike when it is added and when it is changed.

export const SOURCE_TYPES: readonly HarvestSourceType[] = [
  'ckan',
  'dcat',
  'datapress',
  'opendatasoft',
  'socrata',
];

export interface SourceFields {
  title: string;
  url: string;
  type: HarvestSourceType;
  schedule: Schedule;
}

/** What is wrong with a source's fields, by API field name (empty when nothing is). */
export function sourceErrors(s: SourceFields): FieldError[] {
  const errors: FieldError[] = [];
  try {
    outboundUrl(s.url);
  } catch (err) {
    if (!(err instanceof OutboundRefused)) throw err;
    errors.push({ field: 'url', message: err.message });
  }
  if (!SOURCE_TYPES.includes(s.type)) {
    errors.push({ field: 'type', message: `is not one of ${SOURCE_TYPES.join(', ')}` });
  }
  errors.push(...scheduleErrors(s.schedule));
  if (!s.title.trim()) errors.push({ field: 'title', message: 'is empty' });
  return errors;
}
