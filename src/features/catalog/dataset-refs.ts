import type { AppContext } from '../../context.js';
import { DomainError, type FieldError } from '../../platform/errors.js';
import { anonymous } from '../accounts/index.js';
import { readableDataset } from './dataset.service.js';

// Datasets as people name them in a form (what they have at hand: the page's address copied
// from the browser, or its short name) and as other features offer them (public ones only).

/** A dataset as typed: its short name, or its page's address (http(s)://host/datasets/slug). */
export function datasetSlugOf(line: string): string {
  const text = line.trim();
  const path = /\/datasets\/([^/?#\s]+)/.exec(text);
  try {
    return decodeURIComponent(path?.[1] ?? text);
  } catch {
    // A broken %-escape is kept as typed, so the error names what the person wrote.
    return path?.[1] ?? text;
  }
}

/** The datasets typed in a form, one a line (or separated by commas or spaces), each once, in order. */
export const datasetSlugsOf = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,]+/)
      .map(datasetSlugOf)
      .filter((s) => s !== ''),
  ),
];

export interface NamedDataset {
  id: string;
  slug: string;
  title: string;
}

/** The datasets named: those the public can see, in order, and the names of the rest. */
export interface DatasetChoice {
  found: NamedDataset[];
  missing: string[];
}

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`);

/** One error naming every dataset not found, so a form shows them all beside its field. */
export function missingDatasetsError(missing: readonly string[], field = 'datasets'): FieldError {
  const names = quoted(missing);
  const last = names.pop() ?? '';
  const message =
    names.length === 0
      ? `There is no public dataset ${last}`
      : `There are no public datasets ${names.join(', ')} and ${last}`;
  return { field, message };
}

/**
 * The public datasets among those named (asked as the public: what a showcase or a challenge
 * lists, anyone must be able to follow).
 */
export async function publicDatasetsNamed(
  ctx: AppContext,
  slugs: readonly string[],
): Promise<DatasetChoice> {
  const found: NamedDataset[] = [];
  const missing: string[] = [];
  for (const slug of slugs) {
    try {
      const d = await readableDataset(ctx, anonymous, slug);
      found.push({ id: d.id, slug: d.slug, title: d.title });
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind !== 'not_found') throw err;
      missing.push(slug);
    }
  }
  return { found, missing };
}
