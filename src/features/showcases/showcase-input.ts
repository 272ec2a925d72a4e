import type { FieldError } from '../../platform/errors.js';
import type { ShowcaseType } from '../../platform/db/schema.js';
import { isShowcaseType, MAX_DATASETS, SHOWCASE_TYPES } from './showcase-types.js';

// The rules a submission must meet, the same for the API and the form (the API's schema says
// the same things first, so a client gets them as a 400 before any work is done).

export interface ShowcaseInput {
  title: string;
  description: string;
  type: string;
  link: string;
  /** The name shown as the author; the account's name when not given. */
  author_name?: string | undefined;
  /** Slugs of public datasets, in the order they are shown. */
  datasets: readonly string[];
}

export interface CheckedInput {
  title: string;
  description: string;
  type: ShowcaseType;
  link: string;
  author_name: string;
  datasets: string[];
}

/** An http(s) address, nothing else (it becomes a link on the page). */
export function isWebLink(value: string): boolean {
  if (value.length > 2000 || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function checkInput(
  input: ShowcaseInput,
  accountName: string,
): { value: CheckedInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  const description = input.description.trim();
  const link = input.link.trim();
  const author = (input.author_name ?? '').trim() || accountName;
  const datasets = [...new Set(input.datasets.map((d) => d.trim()).filter(Boolean))];
  if (!title) errors.push({ field: 'title', message: 'Enter a title' });
  else if (title.length > 200)
    errors.push({ field: 'title', message: 'Title must be 200 characters or fewer' });
  if (!description) errors.push({ field: 'description', message: 'Enter a description' });
  else if (description.length > 10_000) {
    errors.push({
      field: 'description',
      message: 'Description must be 10,000 characters or fewer',
    });
  }
  if (!isShowcaseType(input.type)) {
    errors.push({ field: 'type', message: `Choose a type: ${SHOWCASE_TYPES.join(', ')}` });
  }
  if (!link) errors.push({ field: 'link', message: 'Enter a link to what you built' });
  else if (!isWebLink(link)) {
    errors.push({ field: 'link', message: 'Enter a link starting with http:// or https://' });
  }
  if (author.length > 100) {
    errors.push({ field: 'author_name', message: 'Your name must be 100 characters or fewer' });
  }
  if (datasets.length === 0) {
    errors.push({ field: 'datasets', message: 'Choose at least one dataset it uses' });
  } else if (datasets.length > MAX_DATASETS) {
    errors.push({ field: 'datasets', message: `Choose at most ${MAX_DATASETS} datasets` });
  }
  const type = isShowcaseType(input.type) ? input.type : 'app';
  return { value: { title, description, type, link, author_name: author, datasets }, errors };
}
