import type { Selectable } from 'kysely';

// Data requests: a resident or business asks a body for a dataset; the body answers with a
// status (kept as a history), others support it and comment (moderated, audited).

/** new: not answered yet; the others are the body's answers. */
export type DataRequestStatus =
  'new' | 'under_consideration' | 'accepted' | 'released' | 'refused' | 'duplicate';

export type RefusalReason = 'personal_data' | 'commercial_confidentiality' | 'cost' | 'not_held';

export interface DataRequestTable {
  id: string;
  title: string;
  /** What the requester needs it for. */
  purpose: string;
  /** The body it is assigned to (the requester's guess, until a site admin re-assigns it). */
  organisation_id: string;
  /** A catalogue theme's slug, or null. */
  theme: string | null;
  /** How often it should be updated (one of the catalogue's frequencies), or null. */
  frequency: string | null;
  status: DataRequestStatus;
  /** The public reason given with the current status. */
  status_reason: string | null;
  /** accepted: when the body means to publish it (YYYY-MM-DD). */
  target_date: string | null;
  /** released: the dataset published in answer. */
  dataset_id: string | null;
  refusal_reason: RefusalReason | null;
  /** duplicate: the request it repeats. */
  duplicate_of: string | null;
  requester_id: string | null;
  supporters_count: number;
  created_at: string;
  updated_at: string;
}

/** One change of a request's status, oldest first on its page. */
export interface DataRequestStatusChangeTable {
  id: string;
  request_id: string;
  from_status: DataRequestStatus;
  to_status: DataRequestStatus;
  reason: string;
  target_date: string | null;
  dataset_id: string | null;
  refusal_reason: RefusalReason | null;
  duplicate_of: string | null;
  actor_id: string | null;
  created_at: string;
}

/** "I need this too": one row per person per request. */
export interface DataRequestSupporterTable {
  request_id: string;
  user_id: string;
  created_at: string;
}

export interface DataRequestCommentTable {
  id: string;
  request_id: string;
  author_id: string | null;
  body: string;
  /** 1: hidden from the public by a moderator. */
  hidden: number;
  created_at: string;
}

export type DataRequestModerationAction = 'hide_comment' | 'unhide_comment';

/** A moderator's action on a comment, with its reason (the audit, as reports' moderations). */
export interface DataRequestModerationTable {
  id: string;
  request_id: string;
  comment_id: string;
  actor_id: string | null;
  action: DataRequestModerationAction;
  reason: string;
  created_at: string;
}

export type DataRequest = Selectable<DataRequestTable>;
export type DataRequestStatusChange = Selectable<DataRequestStatusChangeTable>;
export type DataRequestComment = Selectable<DataRequestCommentTable>;
export type DataRequestModeration = Selectable<DataRequestModerationTable>;
