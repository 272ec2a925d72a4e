import { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../features/accounts/index.js';
import { createDataset, addFileResource, addLinkResource } from '../../features/catalog/index.js';
import type { DemoDataset } from './files.js';
import { loadDemoFile } from './seed-datastore.js';
import { isLoadable } from '../../features/datastore/index.js';

const loadableFiles = (d: DemoDataset) => d.files.filter((f) => isLoadable(f.format)).length;
/** Progress steps of a dataset: itself, its files and links, and its loads. */
export const stepsOf = (d: DemoDataset) =>
  1 + d.files.length + (d.links?.length ?? 0) + loadableFiles(d);

/**
 * Creates one demo dataset with its files and links, loading each file the datastore reads;
 * returns how many resources and loads it added.
 */
export async function seedDataset(
  ctx: AppContext,
  actor: Actor,
  d: DemoDataset,
  step: (note: string) => void,
) {
  await createDataset(ctx, actor, d.meta);
  step(d.meta.title);
  for (const file of d.files) {
    const resource = await addFileResource(ctx, actor, d.meta.slug, {
      fileName: file.fileName,
      stream: Readable.from([Buffer.from(file.build(), 'utf8')]),
      name: file.name,
      format: file.format,
      description: file.description,
    });
    step(file.fileName);
    if (isLoadable(file.format)) {
      await loadDemoFile(ctx, actor, resource.id, file.fileName);
      step(`loaded ${file.fileName}`);
    }
  }
  for (const link of d.links ?? []) {
    await addLinkResource(ctx, actor, d.meta.slug, link);
    step(link.name);
  }
  return { resources: d.files.length + (d.links?.length ?? 0), loads: loadableFiles(d) };
}
