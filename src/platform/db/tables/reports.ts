import type { Insertable, Selectable } from 'kysely';

// Citizen reports (migration 0013): categories, which body answers each where, the reports and
// what hangs off them. A report is an Open311 service request.

/** What a resident can report (Open311's service), the same code wherever it is answered. */
export interface ReportCategoryTable {
  id: string;
  /** Open311 `service_code`: lower-case letters, digits and hyphens. */
  code: string;
  name: string;
  description: string;
  /** Open311 `group`. */
  group_name: string;
  /** JSON array of strings (Open311 `keywords`). */
  keywords: string;
  /** JSON array of Open311 attribute definitions (the category's extra questions). */
  attributes: string;
  created_at: string;
  updated_at: string;
}

export type SendMethod = 'email' | 'open311' | 'webhook';

/** A body answers a category inside its service area, and is sent reports this way. */
export interface CategoryRouteTable {
  id: string;
  category_id: string;
  organisation_id: string;
  send_method: SendMethod;
  /** An e-mail address (email), or the GeoReport v2 base URL (open311) or webhook URL. */
  destination: string;
  /** The body's Open311 `api_key`, or the webhook's HMAC-SHA256 key; never shown back. */
  secret: string | null;
  /** The category's `service_code` at the body's Open311 endpoint, when it differs. */
  remote_code: string | null;
  jurisdiction_id: string | null;
  created_at: string;
  updated_at: string;
}

export type ReportStatus =
  | 'open'
  | 'investigating'
  | 'in_progress'
  | 'action_scheduled'
  | 'fixed'
  | 'closed'
  | 'duplicate'
  | 'not_responsible'
  | 'internal_referral';

/** unconfirmed: waiting for the reporter's e-mail link; hidden: moderated out of public view. */
export type ReportState = 'unconfirmed' | 'confirmed' | 'hidden';
export type ReportSource = 'web' | 'open311' | 'api' | 'demo';
export type SendState = 'unsent' | 'queued' | 'sent' | 'failed';

export interface ReportTable {
  id: string;
  category_id: string;
  organisation_id: string;
  ward_code: string | null;
  ward_name: string | null;
  latitude: number;
  longitude: number;
  /** What the reporter gave: a postcode, a place, an Open311 `address_string`. */
  address: string | null;
  /** Open311 `media_url` given by a client (a link, never fetched); photos are separate. */
  media_url: string | null;
  description: string;
  /** JSON object: attribute code -> answer (string or array of strings). */
  attributes: string;
  status: ReportStatus;
  state: ReportState;
  duplicate_of: string | null;
  reporter_user_id: string | null;
  reporter_email: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  /** 0/1: whether the reporter's name is shown publicly. */
  show_name: number;
  source: ReportSource;
  send_state: SendState;
  sent_at: string | null;
  /** The report's id in the body's own system, once sent by Open311. */
  external_id: string | null;
  send_error: string | null;
  supporters_count: number;
  /** 0/1: a moderator changed or hid something; the public page says so. */
  moderated: number;
  /** 0/1: the reporter took their name off it. */
  anonymised: number;
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  created_at: string;
  confirmed_at: string | null;
  updated_at: string;
  status_changed_at: string;
  fixed_at: string | null;
}

export interface ReportPhotoTable {
  id: string;
  report_id: string;
  blob_key: string;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  position: number;
  hidden: number;
  created_at: string;
}

export type UpdateSource = 'web' | 'open311' | 'api' | 'reporter';

/** A public update: the body's status change with its words, or the reporter reopening. */
export interface ReportUpdateTable {
  id: string;
  report_id: string;
  author_user_id: string | null;
  organisation_id: string | null;
  status: ReportStatus | null;
  text: string;
  source: UpdateSource;
  /** The update's id in the body's system (Open311 `update_id`), to take each once. */
  external_id: string | null;
  hidden: number;
  created_at: string;
}

/** "Me too": someone else has the same problem; confirmed like a report. */
export interface ReportSupporterTable {
  id: string;
  report_id: string;
  user_id: string | null;
  email: string;
  confirmed: number;
  token_hash: string | null;
  created_at: string;
}

export type ModerationAction =
  'hide' | 'unhide' | 'hide_photo' | 'unhide_photo' | 'hide_update' | 'redact';

export interface ReportModerationTable {
  id: string;
  report_id: string;
  photo_id: string | null;
  update_id: string | null;
  actor_id: string | null;
  action: ModerationAction;
  reason: string;
  created_at: string;
}

export type ReportCategory = Selectable<ReportCategoryTable>;
export type CategoryRoute = Selectable<CategoryRouteTable>;
export type Report = Selectable<ReportTable>;
export type NewReport = Insertable<ReportTable>;
export type ReportPhoto = Selectable<ReportPhotoTable>;
export type ReportUpdate = Selectable<ReportUpdateTable>;
export type ReportSupporter = Selectable<ReportSupporterTable>;
export type ReportModeration = Selectable<ReportModerationTable>;
