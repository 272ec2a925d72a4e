import type { FastifyReply } from 'fastify';
import { PUBLISH, type Crumb } from '../page-head.js';

/** What the one "are you sure?" page says before something is deleted. */
export interface DeleteConfirmation {
  /** What kind of thing it is, in words ("resource", "promise"). */
  kind: string;
  /** Its name, quoted in the title. */
  name: string;
  /** Above the heading: what it belongs to, when the page it belongs to does not say. */
  caption?: string;
  /** What deleting does, in plain words. */
  paragraphs: string[];
  /** What will stop working (an indicator over a resource, a dashboard showing an indicator). */
  dependents?: { kind: string; title: string; url: string }[];
  /** Where the form posts. */
  action: string;
  /** The publisher's page it belongs to (a list, a dataset): the trail leads there, Cancel too. */
  back: Crumb;
}

export function confirmDeletePage(reply: FastifyReply, c: DeleteConfirmation) {
  return reply.page('layouts/confirm-delete.njk', {
    pageTitle: `Delete the ${c.kind} “${c.name}”?`,
    section: 'publish',
    caption: c.caption ?? c.back.text,
    breadcrumbs: [PUBLISH, c.back],
    paragraphs: c.paragraphs,
    dependents: c.dependents ?? [],
    action: c.action,
    cancelHref: c.back.href,
    buttonText: `Delete the ${c.kind}`,
  });
}

/** After a deletion: back (303) to the page it belonged to, which says once what was deleted. */
export function deletedRedirect(reply: FastifyReply, kind: string, name: string, to: string) {
  reply.flash(`The ${kind} “${name}” was deleted.`);
  return reply.redirect(to, 303);
}
