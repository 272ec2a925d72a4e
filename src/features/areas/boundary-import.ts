import path from 'node:path';
import type { AppContext } from '../../context.js';
import { importRegionFeatures, readBoundaryFeatures } from '../organisations/index.js';
import { importWardFeatures } from './ward-import.service.js';

type Progress = (done: number, total: number, note?: string) => void;

export interface BoundaryImportOptions {
  nameProperty: string;
  codeProperty: string;
  /** A feature with this property is a ward inside that local authority. */
  parentProperty: string;
  progress?: Progress | undefined;
}

/**
 * `metrodata region import`: a file of wards (its features name their local authority) loads
 * wards; any other file loads the region's and the organisations' boundaries.
 */
export async function importBoundaryFile(
  ctx: AppContext,
  file: string,
  options: BoundaryImportOptions,
): Promise<{ lines: string[]; kind: 'wards' | 'boundaries' }> {
  const features = await readBoundaryFeatures(file, options);
  const source = path.basename(file);
  if (features.some((f) => options.parentProperty in f.properties)) {
    return { kind: 'wards', ...(await importWardFeatures(ctx, features, source, options)) };
  }
  return { kind: 'boundaries', ...(await importRegionFeatures(ctx, features, source, options)) };
}
