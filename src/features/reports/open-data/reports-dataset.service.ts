import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../../context.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../accounts/index.js';
import { locate } from '../../areas/index.js';
import {
  createDataset,
  datasetExists,
  getDataset,
  patchResource,
  themeTitlesBySlug,
} from '../../catalog/index.js';
import { findRegion } from '../../region/index.js';
import { importFile, pruneVersions } from '../../datastore/index.js';
import { allOrganisations } from '../../organisations/index.js';
import { publicReportsAfter } from './public-reports.repository.js';
import {
  CITIZEN_REPORTS_FILE,
  CITIZEN_REPORTS_RESOURCE,
  CITIZEN_REPORTS_RESOURCE_DESCRIPTION,
  CITIZEN_REPORTS_SLUG,
  citizenReportsDataset,
  type DatasetContact,
} from './reports-dataset-meta.js';
import { writeReportsParquet } from './reports-parquet.js';
import { reportsPublisher } from './reports-publisher.js';
import { withRefreshLock } from './refresh-lock.js';
import { ndjsonLine, reportRow, type PublicReportRecord } from './reports-table.js';

// The "Citizen reports" dataset follows the reports: the refresh job builds the anonymised
// table of every public report, and when it differs from the dataset's latest file loads it as
// the next version, as the combined authority's publisher. Nothing changed, no new version.

const PAGE = 1000;

export type RefreshOutcome =
  | { outcome: 'skipped'; reason: string }
  /** Another refresh is running (on this node or another): it did not run. */
  | { outcome: 'busy' }
  | { outcome: 'unchanged'; rows: number }
  | { outcome: 'loaded'; rows: number; version: number; created: boolean };

/** The council whose boundary holds the point: the body itself when it is one. */
async function boroughOf(ctx: AppContext, r: PublicReportRecord): Promise<string | null> {
  if (r.body_kind === 'council') return r.body_name;
  try {
    const here = await locate(ctx, { lat: r.latitude, lon: r.longitude });
    return here.organisations.find((o) => o.kind === 'council')?.name ?? null;
  } catch (err) {
    // Boundaries changed since the report was made and the point is outside them now.
    if (err instanceof DomainError) return null;
    throw err;
  }
}

/** Writes the table as Parquet in `dir`; returns the file, its row count and its SHA-256. */
async function writeTable(ctx: AppContext, dir: string) {
  const rowsFile = path.join(dir, 'rows.ndjson');
  const out = await open(rowsFile, 'w');
  let rows = 0;
  try {
    let after: string | null = null;
    for (;;) {
      const page = await publicReportsAfter(ctx.db.kysely, after, PAGE);
      if (page.length === 0) break;
      let chunk = '';
      for (const r of page) {
        chunk += ndjsonLine(reportRow(r, await boroughOf(ctx, r), ctx.config.baseUrl));
      }
      await out.write(chunk);
      rows += page.length;
      after = page.at(-1)?.id ?? null;
    }
  } finally {
    await out.close();
  }
  const file = path.join(dir, CITIZEN_REPORTS_FILE);
  await writeReportsParquet(ctx.engine, rowsFile, file);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { file, rows, sha256: hash.digest('hex') };
}

/** The first combined authority (by when it was created), which owns the dataset. */
async function owner(ctx: AppContext) {
  const authorities = (await allOrganisations(ctx))
    .filter((o) => o.kind === 'combined-authority')
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.slug.localeCompare(b.slug));
  return authorities[0];
}

/** The dataset as its publisher sees it, or why it cannot be refreshed. */
async function currentDataset(ctx: AppContext, actor: Actor, ownerSlug: string) {
  if (!(await datasetExists(ctx, CITIZEN_REPORTS_SLUG))) return { dataset: null };
  try {
    const dataset = await getDataset(ctx, actor, CITIZEN_REPORTS_SLUG);
    if (dataset.state === 'deleted') {
      return { skip: `the ${CITIZEN_REPORTS_SLUG} dataset was deleted; it is not recreated` };
    }
    if (dataset.organisation.slug !== ownerSlug) {
      return {
        skip: `the ${CITIZEN_REPORTS_SLUG} dataset belongs to ${dataset.organisation.slug}, not ${ownerSlug}`,
      };
    }
    return { dataset };
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'not_found') {
      return { skip: `the ${CITIZEN_REPORTS_SLUG} dataset cannot be read by its publisher` };
    }
    throw err;
  }
}

export interface RefreshOptions {
  /** Added to the description when this refresh creates the dataset (the demo says synthetic). */
  descriptionNote?: string;
  /** The dataset's contact when this refresh creates it; else the owning body's name. */
  contact?: DatasetContact;
}

/**
 * Builds the anonymised table of public reports and loads it as the next version of the
 * "Citizen reports" dataset (created on the first refresh, owned by the combined authority),
 * unless it is the same as the latest file. Skipped, with the reason, when the region has no
 * combined authority or no public report yet.
 */
export async function refreshReportsDataset(
  ctx: AppContext,
  options: RefreshOptions = {},
): Promise<RefreshOutcome> {
  const done = await withRefreshLock(ctx, () => refresh(ctx, options));
  return done === 'busy' ? { outcome: 'busy' } : done;
}

async function refresh(ctx: AppContext, options: RefreshOptions): Promise<RefreshOutcome> {
  const ca = await owner(ctx);
  if (!ca)
    return { outcome: 'skipped', reason: 'the region has no combined authority to publish it' };
  const actor = await reportsPublisher(ctx, ca.id);
  const current = await currentDataset(ctx, actor, ca.slug);
  if ('skip' in current) return { outcome: 'skipped', reason: current.skip ?? '' };

  const dir = path.join(ctx.engine.tempDir, 'reports-dataset', newId());
  await mkdir(dir, { recursive: true });
  try {
    const table = await writeTable(ctx, dir);
    // The datastore keeps no empty versions; the last one stays until a report is public again.
    if (table.rows === 0) return { outcome: 'skipped', reason: 'there is no public report' };
    const resource = current.dataset?.resources.find((r) => r.name === CITIZEN_REPORTS_RESOURCE);
    if (resource?.sha256 === table.sha256) return { outcome: 'unchanged', rows: table.rows };
    if (!current.dataset) {
      const themes = new Set((await themeTitlesBySlug(ctx)).keys());
      await createDataset(
        ctx,
        actor,
        citizenReportsDataset(ca, themes, {
          extra: options.descriptionNote,
          contact: options.contact,
          region: (await findRegion(ctx))?.name,
        }),
      );
    }
    const imported = await importFile(ctx, actor, {
      file: table.file,
      dataset: CITIZEN_REPORTS_SLUG,
      ...(resource ? { resourceId: resource.id } : { name: CITIZEN_REPORTS_RESOURCE }),
    });
    const { load } = imported;
    if (load.status !== 'succeeded' || load.version === null) {
      throw new Error(`The citizen reports did not load: ${load.error ?? load.status}`);
    }
    if (!resource) {
      await patchResource(ctx, actor, imported.resource.id, {
        description: CITIZEN_REPORTS_RESOURCE_DESCRIPTION,
      });
    }
    // A busy day makes hundreds of versions: keep the newest few (docs/operations.md).
    await pruneVersions(ctx, actor, imported.resource.id, ctx.config.reportsDatasetKeepVersions);
    return {
      outcome: 'loaded',
      rows: table.rows,
      version: load.version,
      created: !current.dataset,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
