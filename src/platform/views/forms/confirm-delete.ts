import type { FastifyReply } from 'fastify';
import type { Crumb } from '../breadcrumbs.js';

/** What the one "are you sure?" page says before something is deleted. */
export interface DeleteConfirmation {
  /** What kind of thing it is, in words ("resource", "promise"). */
  kind: string;
  /** Its name, quoted in the title. */
  name: string;
  /** Where it belongs (the dataset's title, say), above the heading. */
  caption: string;
  /** What deleting does, in plain words. */
  paragraphs: string[];
  /** What will stop working (an indicator over a resource, a dashboard showing an indicator). */
  dependents?: { kind: string; title: string; url: string }[];
  /** Where the form posts, and where Cancel goes back to. */
  action: string;
  cancelHref: string;
  breadcrumbs: Crumb[];
}

export function confirmDeletePage(reply: FastifyReply, c: DeleteConfirmation) {
  return reply.page('layouts/confirm-delete.njk', {
    pageTitle: `Delete the ${c.kind} “${c.name}”?`,
    section: 'publish',
    caption: c.caption,
    breadcrumbs: c.breadcrumbs,
    paragraphs: c.paragraphs,
    dependents: c.dependents ?? [],
    action: c.action,
    cancelHref: c.cancelHref,
    buttonText: `Delete the ${c.kind}`,
  });
}
