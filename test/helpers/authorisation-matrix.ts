import { Readable } from 'node:stream';
import {
  addFileResource,
  createDataset,
  deleteDataset,
  findResource,
} from '../../src/features/catalog/index.js';
import { runLoad } from '../../src/features/datastore/load-queue.js';
import { createLoad } from '../../src/features/datastore/load.service.js';
import type { TestApp } from './app.js';
import type { Fixture } from './fixture.js';

// The callers and dataset states the authorisation matrix walks (test/integration/authorisation*),
// and the fresh dataset each of its cases writes to or reads.

export type Who = keyof Fixture['tokens'] | 'anonymous';
export const EVERYONE: Who[] = [
  'anonymous',
  'outsider',
  'member',
  'editor',
  'otherEditor',
  'admin',
  'readOnlyEditor',
  'expired',
  'revoked',
];

export type Kind = 'private' | 'draft' | 'deleted';
/** Who may see a Bolton dataset in each state. */
export const seers: Record<Kind, Who[]> = {
  private: ['member', 'editor', 'admin', 'readOnlyEditor'],
  draft: ['member', 'editor', 'admin', 'readOnlyEditor'],
  deleted: ['editor', 'admin', 'readOnlyEditor'],
};

export interface CaseOptions {
  visibility?: 'private';
  state?: 'draft';
  deleted?: boolean;
}

/**
 * Bolton dataset number `n` with one loaded CSV resource, in the state asked for, so that one
 * case's write never changes another's input.
 */
export async function freshCase(t: TestApp, fx: Fixture, n: number, options: CaseOptions = {}) {
  const slug = `case-${n}`;
  await createDataset(t.ctx, fx.editorActor, {
    slug,
    title: `Case ${n}`,
    organisation: 'bolton',
    ...(options.visibility ? { visibility: options.visibility } : {}),
    ...(options.state ? { state: options.state } : {}),
  });
  const resource = await addFileResource(t.ctx, fx.editorActor, slug, {
    fileName: 'data.csv',
    stream: Readable.from(['ward,count\nHalliwell,3\n']),
  });
  const stored = (await findResource(t.ctx, resource.id))?.resource;
  if (!stored) throw new Error('resource not stored');
  const load = await createLoad(t.ctx, stored, null);
  await runLoad(t.ctx, load.id);
  if (options.deleted) await deleteDataset(t.ctx, fx.editorActor, slug);
  return { slug, resourceId: resource.id };
}
