import { STATUSES, statusLabel } from '../../promise-status.js';
import type { StatusChangeView } from '../../promise.view.js';

const tagOf = (status: string) => STATUSES.find((s) => s.value === status)?.tag ?? '';

/**
 * The editor's rating beside the indicators' suggestion: "Indicators suggest: in the works;
 * rated: stalled" when they differ, a plain agreement when they do not, null without one.
 */
export function suggestionLine(status: string, suggested: string | null): string | null {
  if (suggested === null) return null;
  const s = statusLabel(suggested).toLowerCase();
  if (suggested === status) return `Indicators suggest: ${s}, as rated`;
  return `Indicators suggest: ${s}; rated: ${statusLabel(status).toLowerCase()}`;
}

/** The timeline, oldest first (the order things happened), each change with its tags. */
export function timelineView(history: StatusChangeView[]) {
  return history.map((c) => ({
    ...c,
    fromLabel: statusLabel(c.from),
    toLabel: statusLabel(c.to),
    fromTag: tagOf(c.from),
    toTag: tagOf(c.to),
  }));
}

export const statusTag = tagOf;
