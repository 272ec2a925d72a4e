import type { PromiseStatus } from '../../platform/db/schema.js';

/** The public scale, in the order the scorecard counts it; tag classes are GOV.UK's colours. */
export const STATUSES: readonly { value: PromiseStatus; label: string; tag: string }[] = [
  { value: 'not-yet-rated', label: 'Not yet rated', tag: 'govuk-tag--grey' },
  { value: 'in-the-works', label: 'In the works', tag: 'govuk-tag--blue' },
  { value: 'stalled', label: 'Stalled', tag: 'govuk-tag--orange' },
  { value: 'compromise', label: 'Compromise', tag: 'govuk-tag--yellow' },
  { value: 'kept', label: 'Kept', tag: 'govuk-tag--green' },
  { value: 'broken', label: 'Broken', tag: 'govuk-tag--red' },
];

export const STATUS_VALUES = STATUSES.map((s) => s.value);

export const SOURCE_KINDS = ['manifesto', 'speech', 'press-release', 'other'] as const;

export const EVIDENCE_KINDS = ['document', 'dataset', 'news'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Evidence {
  title: string;
  url: string;
  kind: EvidenceKind;
}

export const statusLabel = (status: string): string =>
  STATUSES.find((s) => s.value === status)?.label ?? status;

export const isStatus = (value: unknown): value is PromiseStatus =>
  typeof value === 'string' && (STATUS_VALUES as readonly string[]).includes(value);
