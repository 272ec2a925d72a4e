import type { DatasetState, Visibility } from '../../platform/db/schema.js';
import { forbidden, unauthorized } from '../../platform/errors.js';
import type { Actor } from './actor.js';

// The one place that decides who may do what. Routes and services ask `can`; repositories
// filter lists with `readableScope`, which applies the same rule as 'dataset:read'.

export interface DatasetRef {
  organisation_id: string;
  state: DatasetState;
  visibility: Visibility;
}

export type Action =
  | { type: 'dataset:read'; dataset: DatasetRef }
  | { type: 'dataset:create'; organisationId: string }
  | { type: 'dataset:update'; dataset: DatasetRef }
  | { type: 'dataset:delete'; dataset: DatasetRef }
  | { type: 'dataset:restore'; dataset: DatasetRef }
  | { type: 'organisation:create' }
  | { type: 'organisation:update'; organisationId: string }
  | { type: 'organisation:manage-members'; organisationId: string }
  | { type: 'token:manage'; ownerId: string }
  /** Promises are the mayor's: the combined authority's editors (ids given) and site admins. */
  | { type: 'promise:edit'; combinedAuthorityIds: readonly string[] }
  /** Indicators and dashboards are the region's: the same people as promises. */
  | { type: 'indicator:edit'; combinedAuthorityIds: readonly string[] }
  /** The region's list of categories (codes shared by every body): site admins. */
  | { type: 'category:define' }
  /** A body's categories and how reports reach it: its admins and site admins. */
  | { type: 'category:manage'; organisationId: string }
  /** Submitting a citizen report by API (Open311 `api_key`): a token with the reports scope. */
  | { type: 'report:submit' }
  /** A body's report queue: see all its reports, change status, post updates (any member). */
  | { type: 'report:handle'; organisationId: string }
  /** Hide reports, photos and updates, redact text: the body's admins and editors. */
  | { type: 'report:moderate'; organisationId: string }
  /** The reporter's own: edit, anonymise, reopen, export, delete (a signed-in resident). */
  | { type: 'report:own'; reporterId: string | null }
  /** How reports reach the bodies: sending failures, parked jobs, "send again" (site admins). */
  | { type: 'reports:operate' }
  /** The background job queue: parked jobs of every kind, "retry" (site admins). */
  | { type: 'jobs:operate' }
  /** Reports from another system with their own history and times (the demo): site admins. */
  | { type: 'report:import' }
  /** Submitting a showcase: anyone signed in (a resident or a publisher). */
  | { type: 'showcase:submit' }
  /** Seeing a showcase: the public once approved; before, its author and site admins. */
  | { type: 'showcase:read'; showcase: ShowcaseRef }
  /** Changing a showcase (text, datasets, image): its author and site admins. */
  | { type: 'showcase:edit'; showcase: ShowcaseRef }
  /** Deleting a showcase: its author and site admins. */
  | { type: 'showcase:delete'; showcase: ShowcaseRef }
  /** Approving or rejecting showcases: site admins. */
  | { type: 'showcase:moderate' }
  /** Publish, edit and judge an organisation's challenges: its admins and editors, site admins. */
  | { type: 'challenge:manage'; organisationId: string }
  /** See an organisation's draft challenges and its entries before the deadline: any member. */
  | { type: 'challenge:see-unpublished'; organisationId: string }
  /** Enter a challenge (or accept a place in a team): anyone signed in, by session or token. */
  | { type: 'challenge:enter' }
  /** Change or withdraw an entry: its team's lead (who entered it). */
  | { type: 'challenge:entry-lead'; leadId: string | null }
  /** Asking for a dataset, supporting or commenting on a request: a signed-in person. */
  | { type: 'data-request:participate' }
  /** Answering a request (status and reason): the assigned body's admins and editors. */
  | { type: 'data-request:answer'; organisationId: string }
  /** Assigning a request to another body: site admins. */
  | { type: 'data-request:reassign' }
  /** Hiding and showing comments on a body's requests: its admins and editors. */
  | { type: 'data-request:moderate'; organisationId: string }
  /** Requests from another system with their own history and times (the demo): site admins. */
  | { type: 'data-request:import' };

/** What the policy needs to know of a showcase. */
export interface ShowcaseRef {
  status: 'pending' | 'approved' | 'rejected';
  author_id: string | null;
}

const WRITE_ROLES = new Set(['admin', 'editor']);

function canWriteFor(actor: Actor, organisationId: string): boolean {
  if (!actor.user || !actor.scopes.has('write')) return false;
  if (actor.user.isSiteAdmin) return true;
  return WRITE_ROLES.has(actor.roles.get(organisationId) ?? '');
}

/** A signed-in person acting for themselves: a session, or a token to publish or report. */
function canActAsSelf(actor: Actor): boolean {
  return !!actor.user && (actor.scopes.has('write') || actor.scopes.has('reports'));
}

const isAuthor = (actor: Actor, showcase: ShowcaseRef): boolean =>
  canActAsSelf(actor) && showcase.author_id !== null && actor.user?.id === showcase.author_id;

const isSiteAdminWriting = (actor: Actor): boolean =>
  !!actor.user?.isSiteAdmin && actor.scopes.has('write');

function canSeeUnpublished(actor: Actor, organisationId: string): boolean {
  if (!actor.user) return false;
  return actor.user.isSiteAdmin || actor.roles.has(organisationId);
}

export function can(actor: Actor, action: Action): boolean {
  switch (action.type) {
    case 'dataset:read': {
      const { dataset } = action;
      if (dataset.state === 'deleted') {
        return (
          !!actor.user &&
          (actor.user.isSiteAdmin ||
            WRITE_ROLES.has(actor.roles.get(dataset.organisation_id) ?? ''))
        );
      }
      if (dataset.state === 'active' && dataset.visibility === 'public') return true;
      return canSeeUnpublished(actor, dataset.organisation_id);
    }
    case 'dataset:create':
      return canWriteFor(actor, action.organisationId);
    case 'dataset:update':
    case 'dataset:delete':
      return (
        action.dataset.state !== 'deleted' && canWriteFor(actor, action.dataset.organisation_id)
      );
    case 'dataset:restore':
      return (
        action.dataset.state === 'deleted' && canWriteFor(actor, action.dataset.organisation_id)
      );
    case 'organisation:create':
      return !!actor.user?.isSiteAdmin && actor.scopes.has('write');
    case 'organisation:update':
    case 'organisation:manage-members':
      return (
        !!actor.user &&
        actor.scopes.has('write') &&
        (actor.user.isSiteAdmin || actor.roles.get(action.organisationId) === 'admin')
      );
    case 'token:manage':
      // Only the owner handles their tokens (the CLI is the operator's way to revoke others').
      return actor.user?.id === action.ownerId && actor.scopes.has('write');
    case 'category:define':
    case 'reports:operate':
    case 'jobs:operate':
    case 'report:import':
      return !!actor.user?.isSiteAdmin && actor.scopes.has('write');
    case 'category:manage':
      return (
        !!actor.user &&
        actor.scopes.has('write') &&
        (actor.user.isSiteAdmin || actor.roles.get(action.organisationId) === 'admin')
      );
    case 'report:submit':
      return !!actor.user && actor.scopes.has('reports');
    case 'report:handle':
      return (
        !!actor.user &&
        actor.scopes.has('write') &&
        (actor.user.isSiteAdmin || actor.roles.has(action.organisationId))
      );
    case 'report:moderate':
    case 'challenge:manage':
      return canWriteFor(actor, action.organisationId);
    case 'challenge:see-unpublished':
      return canSeeUnpublished(actor, action.organisationId);
    case 'challenge:enter':
      return canActAsSelf(actor);
    case 'challenge:entry-lead':
      return canActAsSelf(actor) && action.leadId !== null && actor.user?.id === action.leadId;
    case 'report:own':
      return (
        !!actor.user &&
        action.reporterId !== null &&
        actor.user.id === action.reporterId &&
        actor.scopes.has('reports')
      );
    case 'showcase:submit':
      return canActAsSelf(actor);
    case 'showcase:read':
      return (
        action.showcase.status === 'approved' ||
        !!actor.user?.isSiteAdmin ||
        (!!actor.user && actor.user.id === action.showcase.author_id)
      );
    case 'showcase:edit':
    case 'showcase:delete':
      return isSiteAdminWriting(actor) || isAuthor(actor, action.showcase);
    case 'showcase:moderate':
      return isSiteAdminWriting(actor);
    case 'data-request:participate':
      // A resident's session or token carries `reports`, as for citizen reports.
      return !!actor.user && actor.scopes.has('reports');
    case 'data-request:answer':
    case 'data-request:moderate':
      return canWriteFor(actor, action.organisationId);
    case 'data-request:reassign':
    case 'data-request:import':
      return !!actor.user?.isSiteAdmin && actor.scopes.has('write');
    case 'promise:edit':
    case 'indicator:edit':
      return (
        (!!actor.user?.isSiteAdmin && actor.scopes.has('write')) ||
        action.combinedAuthorityIds.some((id) => canWriteFor(actor, id))
      );
  }
}

/** For list queries: everything public and active, plus unpublished data of these organisations. */
export interface ReadableScope {
  all: boolean;
  organisationIds: string[];
}

export function readableScope(actor: Actor): ReadableScope {
  if (actor.user?.isSiteAdmin) return { all: true, organisationIds: [] };
  return { all: false, organisationIds: [...actor.roles.keys()] };
}

/** Whether the actor publishes for, or manages, any organisation: who the publisher area is for. */
export function isPublisher(actor: Actor): boolean {
  if (!actor.user || !actor.scopes.has('write')) return false;
  return actor.user.isSiteAdmin || [...actor.roles.values()].some((r) => WRITE_ROLES.has(r));
}

/** Throws 401 for an anonymous actor, 403 for a known one, unless `can` allows the action. */
export function authorise(actor: Actor, action: Action, message: string): void {
  if (can(actor, action)) return;
  if (!actor.user) throw unauthorized('Sign in or send an API token to do that');
  if (action.type.startsWith('showcase:') && action.type !== 'showcase:moderate') {
    if (!canActAsSelf(actor))
      throw forbidden('This API token lacks the "write" or "reports" scope');
  } else if (action.type === 'challenge:enter' || action.type === 'challenge:entry-lead') {
    if (!canActAsSelf(actor)) {
      throw forbidden('This API token is read-only: it lacks the "write" or "reports" scope');
    }
  } else if (action.type === 'report:submit' || action.type === 'report:own') {
    if (!actor.scopes.has('reports')) {
      throw forbidden('This API token lacks the "reports" scope');
    }
  } else if (!actor.scopes.has('write') && action.type !== 'dataset:read') {
    throw forbidden('This API token is read-only: it lacks the "write" scope');
  }
  throw forbidden(message);
}
