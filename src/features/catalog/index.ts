// The catalogue's public surface: datasets, resources, search, themes and tags, and the
// organisations as publishers of datasets. Everything else in this folder is private to it.

export { registerCatalog } from './catalog.plugin.js';
export { DatasetCreateBody, DatasetPatchBody, FREQUENCIES } from './catalog.schemas.js';
export type { DatasetCreateInput, DatasetPatchInput, SearchQueryInput } from './catalog.schemas.js';
export { searchDatasets } from './dataset-search.repository.js';
export { FACETS, type FacetName, type SearchParams } from './search-types.js';
export { searchCatalogue } from './dataset-search.service.js';
export { scanCatalogue, type CatalogueScan, type ScanOptions } from './catalogue-scan.js';
export {
  readableDatasetRecord,
  readableDatasetRecords,
  type DatasetRecord,
} from './dataset-records.service.js';
export { deleteDataset, restoreDataset } from './dataset-lifecycle.service.js';
export { datasetSlugFor } from './dataset-ref.service.js';
export {
  datasetSlugOf,
  datasetSlugsOf,
  missingDatasetsError,
  publicDatasetsNamed,
  type DatasetChoice,
  type NamedDataset,
} from './dataset-refs.js';
export { deleteResource } from './resource-delete.service.js';
export { patchResource, type ResourcePatchInput } from './resource-patch.service.js';
export {
  createDataset,
  datasetExists,
  getDataset,
  patchDataset,
  readableDataset,
  resourcesOfDatasets,
  slugify,
} from './dataset.service.js';
export { resourceView } from './dataset.view.js';
export { Resource as ResourceSchema } from './catalog.responses.js';
export { formatOf } from './formats.js';
export { DEFAULT_LICENCE, LICENCES, licenceById, type Licence } from './licences.js';
export { datasetsWith } from './pages/shared/dataset-results.js';
export {
  addFileResource,
  addLinkResource,
  findResource,
  readableResource,
  resourceIdOf,
} from './resource.service.js';
export { adoptResourceFile, replaceResourceFile } from './resource-file.service.js';
export { stageUpload, type HoldFormat, type StagedFile } from './resource-upload.js';
export {
  readableResourceBySlugs,
  readableResourceTables,
  resourceSlugs,
  resourceTableOf,
  type ResourceTable,
} from './resource-tables.js';
export { listThemes, themeTitlesBySlug } from './taxonomy.service.js';
export { feedEntries, listPublishers, sitemapEntries } from './site.service.js';
export type {
  CatalogExtensions,
  Dependent,
  ResourceData,
  ResourceDataSummary,
  ResourceDependents,
} from './resource-data.js';
export { editableDataset } from './publisher.service.js';
export type { DatasetProvenance, HarvestOrigin } from './dataset-provenance.js';
export type { DatasetShowcase, DatasetShowcases } from './dataset-showcases.js';
export type { DatasetQuality, DatasetQualityPanel } from './dataset-quality.js';
export { setDatasetRatings, type DatasetRating } from './dataset-ratings.repository.js';
export {
  catalogueGeneration,
  datasetsChangedAfter,
  type DatasetChanges,
} from './dataset-changes.js';
export type { DatasetAnswers, RequestAnswered } from './dataset-answers.js';
