import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import { SHOWCASE_TYPES, TYPE_LABELS } from '../../showcase-types.js';
import type { ShowcaseInput } from '../../showcase-input.js';

export interface SubmitForm {
  title: string;
  type: string;
  description: string;
  link: string;
  author_name: string;
  datasets: string;
}

export const LABELS: FieldLabels = {
  title: { label: 'Title', id: 'title' },
  type: { label: 'Type', id: 'type' },
  description: { label: 'Description', id: 'description' },
  link: { label: 'Link', id: 'link' },
  datasets: { label: 'Datasets', id: 'datasets' },
  author_name: { label: 'Your name', id: 'author_name' },
  image: { label: 'Image', id: 'image' },
};

export const blankForm = (datasets = ''): SubmitForm => ({
  title: '',
  type: '',
  description: '',
  link: '',
  author_name: '',
  datasets,
});

export const formFrom = (fields: Record<string, string>): SubmitForm => ({
  title: fields.title ?? '',
  type: fields.type ?? '',
  description: fields.description ?? '',
  link: fields.link ?? '',
  author_name: fields.author_name ?? '',
  datasets: fields.datasets ?? '',
});

/** A dataset as typed: its short name, or its page's address (copied from the browser). */
export function datasetSlugOf(line: string): string {
  const text = line.trim();
  const path = /\/datasets\/([^/?#\s]+)/.exec(text);
  return decodeURIComponent(path?.[1] ?? text);
}

export const inputFrom = (form: SubmitForm): ShowcaseInput => ({
  title: form.title,
  type: form.type,
  description: form.description,
  link: form.link,
  author_name: form.author_name,
  datasets: form.datasets
    .split(/[\n,]+/)
    .map(datasetSlugOf)
    .filter(Boolean),
});

export const typeItems = (chosen: string) =>
  SHOWCASE_TYPES.map((t) => ({ value: t, text: TYPE_LABELS[t], checked: t === chosen }));
