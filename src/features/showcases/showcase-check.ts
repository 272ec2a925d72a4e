import type { AppContext } from '../../context.js';
import { validationFailed, type FieldError } from '../../platform/errors.js';
import { missingDatasetsError, publicDatasetsNamed } from '../catalog/index.js';
import { processImage, type ImageUpload } from './showcase-image.js';
import { checkInput, type CheckedInput, type ShowcaseInput } from './showcase-input.js';

export interface Checked {
  value: CheckedInput;
  /** The datasets' ids, in order; undefined when they were not asked to be checked. */
  datasetIds: string[] | undefined;
  image: Awaited<ReturnType<typeof processImage>> | null;
}

/**
 * Checks a submission or an edit as a whole: its fields, its datasets (when `datasets`: an edit
 * that leaves them alone keeps them, even one made private since) and its image. Every problem
 * is reported at once, as one validation failure.
 */
export async function checkedSubmission(
  ctx: AppContext,
  input: ShowcaseInput,
  accountName: string,
  options: { datasets: boolean; image: ImageUpload | undefined },
): Promise<Checked> {
  const { value, errors } = checkInput(input, accountName);
  let datasetIds: string[] | undefined;
  if (options.datasets && !errors.some((e) => e.field === 'datasets')) {
    const { found, missing } = await publicDatasetsNamed(ctx, value.datasets);
    if (missing.length > 0) errors.push(missingDatasetsError(missing));
    datasetIds = found.map((d) => d.id);
  }
  let image = null;
  if (options.image) {
    try {
      image = await processImage(options.image);
    } catch (err) {
      const details = (err as { details?: unknown }).details;
      if (!Array.isArray(details)) throw err;
      errors.push(...(details as FieldError[]));
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  return { value, datasetIds, image };
}
