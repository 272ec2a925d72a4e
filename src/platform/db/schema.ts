import type { WardTable } from './tables/areas.js';
import type {
  ChallengeDatasetTable,
  ChallengeEntryMemberTable,
  ChallengeEntryTable,
  ChallengeTable,
} from './tables/challenges.js';
import type {
  HarvestedDatasetTable,
  HarvestItemTable,
  HarvestRunTable,
  HarvestSourceTable,
} from './tables/harvest.js';
import type { HarvestFileTable } from './tables/harvest-files.js';
import type { ApiTokenTable, MembershipTable, SessionTable, UserTable } from './tables/accounts.js';
import type {
  DatasetFtsTable,
  DatasetSearchTable,
  SearchChangeTable,
  SearchTextKeyTable,
  DatasetRatingTable,
  DatasetTable,
  DatasetTagTable,
  DatasetThemeTable,
  DatasetViewsTable,
  ResourceTable,
  ThemeTable,
} from './tables/catalogue.js';
import type {
  DatastoreDownloadTable,
  DatastoreLoadTable,
  DatastoreVersionTable,
} from './tables/datastore.js';
import type { DashboardTable, IndicatorTable } from './tables/indicators.js';
import type { PostcodeTable } from './tables/places.js';
import type {
  ActivityTable,
  BlobGarbageTable,
  JobTable,
  MetaTable,
  RateLimitTable,
} from './tables/platform.js';
import type { PromiseStatusChangeTable, PromiseTable } from './tables/promises.js';
import type { LinkCheckTable, QualityScoreTable, QualitySnapshotTable } from './tables/quality.js';
import type { RollupExpectedTable, RollupMemberTable, RollupTable } from './tables/rollups.js';
import type { ShowcaseDatasetTable, ShowcaseTable } from './tables/showcases.js';
import type { OrganisationTable, RegionTable } from './tables/region.js';
import type {
  CategoryRouteTable,
  ReportCategoryTable,
  ReportModerationTable,
  ReportPhotoTable,
  ReportSupporterTable,
  ReportTable,
  ReportUpdateTable,
} from './tables/reports.js';
import type {
  DataRequestCommentTable,
  DataRequestModerationTable,
  DataRequestStatusChangeTable,
  DataRequestSupporterTable,
  DataRequestTable,
} from './tables/data-requests.js';
import type { SignInAddressTable, SignInAttemptTable, SignInLinkTable } from './tables/sign-in.js';

// The catalogue database: its tables, defined by area in tables/, assembled here; code outside
// platform/db imports the row types from this file. Timestamps are ISO-8601 UTC text and
// booleans are 0/1 integers on both SQLite and PostgreSQL, so one set of migrations and one set
// of row types serve both databases.

export type * from './tables/accounts.js';
export type * from './tables/areas.js';
export type * from './tables/catalogue.js';
export type * from './tables/challenges.js';
export type * from './tables/datastore.js';
export type * from './tables/harvest.js';
export type * from './tables/harvest-files.js';
export type * from './tables/indicators.js';
export type * from './tables/places.js';
export type * from './tables/platform.js';
export type * from './tables/promises.js';
export type * from './tables/quality.js';
export type * from './tables/region.js';
export type * from './tables/reports.js';
export type * from './tables/rollups.js';
export type * from './tables/showcases.js';
export type * from './tables/sign-in.js';
export type * from './tables/data-requests.js';

export interface Database {
  regions: RegionTable;
  organisations: OrganisationTable;
  wards: WardTable;
  users: UserTable;
  memberships: MembershipTable;
  api_tokens: ApiTokenTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
  sign_in_addresses: SignInAddressTable;
  sign_in_links: SignInLinkTable;
  datasets: DatasetTable;
  dataset_tags: DatasetTagTable;
  dataset_themes: DatasetThemeTable;
  dataset_ratings: DatasetRatingTable;
  themes: ThemeTable;
  resources: ResourceTable;
  activities: ActivityTable;
  dataset_fts: DatasetFtsTable;
  dataset_search: DatasetSearchTable;
  search_changes: SearchChangeTable;
  search_text_keys: SearchTextKeyTable;
  meta: MetaTable;
  blob_garbage: BlobGarbageTable;
  datastore_loads: DatastoreLoadTable;
  datastore_versions: DatastoreVersionTable;
  datastore_downloads: DatastoreDownloadTable;
  dataset_views: DatasetViewsTable;
  indicators: IndicatorTable;
  dashboards: DashboardTable;
  promises: PromiseTable;
  promise_status_changes: PromiseStatusChangeTable;
  postcodes: PostcodeTable;
  report_categories: ReportCategoryTable;
  category_routes: CategoryRouteTable;
  reports: ReportTable;
  report_photos: ReportPhotoTable;
  report_updates: ReportUpdateTable;
  report_supporters: ReportSupporterTable;
  report_moderations: ReportModerationTable;
  jobs: JobTable;
  rate_limits: RateLimitTable;
  harvest_sources: HarvestSourceTable;
  harvest_runs: HarvestRunTable;
  harvest_items: HarvestItemTable;
  harvested_datasets: HarvestedDatasetTable;
  harvest_files: HarvestFileTable;
  rollups: RollupTable;
  rollup_members: RollupMemberTable;
  rollup_expected: RollupExpectedTable;
  showcases: ShowcaseTable;
  showcase_datasets: ShowcaseDatasetTable;
  challenges: ChallengeTable;
  challenge_datasets: ChallengeDatasetTable;
  challenge_entries: ChallengeEntryTable;
  challenge_entry_members: ChallengeEntryMemberTable;
  quality_scores: QualityScoreTable;
  link_checks: LinkCheckTable;
  quality_snapshots: QualitySnapshotTable;
  data_requests: DataRequestTable;
  data_request_status_changes: DataRequestStatusChangeTable;
  data_request_supporters: DataRequestSupporterTable;
  data_request_comments: DataRequestCommentTable;
  data_request_moderations: DataRequestModerationTable;
}
