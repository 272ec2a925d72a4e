import type { AppContext } from '../../context.js';

// Who is told when a load publishes a new version of a resource (roll-ups rebuild on it). The
// features above the datastore register here, through index.ts, so the datastore depends on
// none of them. Listeners are per context (per process): a version published by another
// process is not heard here, so a listener must not be the only way its work gets done.

export type VersionListener = (resourceId: string, version: number) => Promise<void>;

const listeners = new WeakMap<AppContext, VersionListener[]>();

/** Calls `listener` after each version a load of this context publishes. */
export function onNewVersion(ctx: AppContext, listener: VersionListener): void {
  listeners.set(ctx, [...(listeners.get(ctx) ?? []), listener]);
}

/**
 * Tells the listeners of a new version, after it is committed. A listener's failure is
 * reported to `onError` and never fails the load: the version is published either way.
 */
export async function announceVersion(
  ctx: AppContext,
  resourceId: string,
  version: number,
  onError: (err: unknown) => void = () => undefined,
): Promise<void> {
  for (const listener of listeners.get(ctx) ?? []) {
    try {
      await listener(resourceId, version);
    } catch (err) {
      onError(err);
    }
  }
}
