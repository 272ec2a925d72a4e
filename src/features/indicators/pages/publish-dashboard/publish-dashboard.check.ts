import { Ajv } from 'ajv';
import type { FieldError } from '../../../../platform/errors.js';
import { DashboardCreateBody, type DashboardCreateInput } from '../../dashboard.schemas.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(DashboardCreateBody);

export interface DashboardForm {
  slug: string;
  title: string;
  description: string;
  tiles: string;
}

export const LABELS = {
  slug: { label: 'Short name for the web address', id: 'slug' },
  title: { label: 'Title', id: 'title' },
  description: { label: 'Description', id: 'description' },
  tiles: { label: 'Tiles', id: 'tiles' },
};

export function dashboardFormFromBody(body: unknown): DashboardForm {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof b[k] === 'string' ? b[k].trim() : '');
  return {
    slug: text('slug'),
    title: text('title'),
    description: text('description'),
    tiles: text('tiles'),
  };
}

/** The form as the API's input, checked by the API's own schema; tiles are JSON. */
export function dashboardInputOf(form: DashboardForm): {
  input: DashboardCreateInput;
  errors: FieldError[];
} {
  let tiles: unknown = [];
  const errors: FieldError[] = [];
  try {
    tiles = JSON.parse(form.tiles || '[]');
  } catch {
    errors.push({
      field: 'tiles',
      message:
        'Enter the tiles as a JSON list, like [{"kind": "indicator", "indicator": "full-fibre-coverage"}]',
    });
  }
  const input = {
    slug: form.slug,
    title: form.title,
    description: form.description,
    tiles,
  } as DashboardCreateInput;
  if (errors.length === 0 && !validate(input)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      const field = e.instancePath.split('/')[1] ?? 'title';
      if (seen.has(field) || e.keyword === 'anyOf') continue;
      seen.add(field);
      errors.push({
        field: field === '' ? 'title' : field,
        message: `is not valid (${e.instancePath} ${e.message ?? e.keyword})`,
      });
    }
  }
  return { input, errors };
}
