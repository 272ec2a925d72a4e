import type { DatasetQuality } from './dataset-quality.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../accounts/index.js';
import type { DatasetAnswers } from './dataset-answers.js';
import type { DatasetProvenance } from './dataset-provenance.js';
import type { DatasetShowcases } from './dataset-showcases.js';
import type { HoldFormat, StagedFile } from './resource-upload.js';

/** A resource's data in the datastore, as the catalogue's pages show it beside the resource. */
export interface ResourceDataSummary {
  /** The latest version, or null while there is none. */
  version: number | null;
  rows: number | null;
  fields: string[];
  /** The latest load (its status, error and report), for the publisher. */
  latest_load: { status: string; error: string | null } | null;
}

/**
 * What the catalogue needs from the datastore, which sits above it: the datastore implements
 * this and app.ts hands it to the catalogue's routes and pages, so the catalogue never imports
 * the datastore (docs/architecture.md, "Features and their directions").
 */
export interface ResourceData {
  /** The summaries of these resources that have a datastore side (the others are absent). */
  summaries(ctx: AppContext, resourceIds: string[]): Promise<Map<string, ResourceDataSummary>>;
  /** The formats whose uploads are held back until they have loaded (tabular, geographic). */
  holds: HoldFormat;
  /**
   * A file was added: load it if it is tabular or geographic (`staged`, held back, becomes the
   * resource's file only if it loads); the load, or null if not.
   */
  fileAdded(
    ctx: AppContext,
    actor: Actor,
    resourceId: string,
    staged: StagedFile | null,
    wait: boolean,
  ): Promise<unknown>;
  /** The resource is being deleted, in `tx`'s transaction: forget its data, drop its files. */
  deleted(tx: AppContext, resourceId: string): Promise<void>;
}

/** Something built on a resource that breaks if the resource goes (an indicator over it). */
export interface Dependent {
  kind: string;
  title: string;
  url: string;
}

/** Who can say what depends on a resource: the features above the catalogue that use one. */
export type ResourceDependents = (ctx: AppContext, resourceId: string) => Promise<Dependent[]>;

/** What app.ts hands the catalogue from the features above it. */
export interface CatalogExtensions {
  data: ResourceData;
  dependents: ResourceDependents[];
  /** Where harvested datasets came from (none without it). */
  provenance?: DatasetProvenance;
  /** The showcases built with a dataset (none without it). */
  showcases?: DatasetShowcases;
  /** The quality scores shown on a dataset's page (none without it). */
  quality?: DatasetQuality;
  /** The data requests a dataset answers (none without it). */
  answers?: DatasetAnswers;
}
