import type { FieldLabels } from '../../../../platform/views/forms/form-errors.js';
import { SHOWCASE_TYPES, TYPE_LABELS } from '../../showcase-types.js';
import type { ShowcaseInput } from '../../showcase-input.js';
import type { PublicShowcase } from '../../showcase.view.js';
import { datasetSlugsOf } from '../../../catalog/index.js';

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

export const inputFrom = (form: SubmitForm): ShowcaseInput => ({
  title: form.title,
  type: form.type,
  description: form.description,
  link: form.link,
  author_name: form.author_name,
  datasets: datasetSlugsOf(form.datasets),
});

/** A showcase as its edit form starts: as it is, its datasets one a line. */
export const formOf = (s: PublicShowcase): SubmitForm => ({
  title: s.title,
  type: s.type,
  description: s.description,
  link: s.link,
  author_name: s.author.name,
  datasets: s.datasets.map((d) => d.slug).join('\n'),
});

export const typeItems = (chosen: string) =>
  SHOWCASE_TYPES.map((t) => ({ value: t, text: TYPE_LABELS[t], checked: t === chosen }));
