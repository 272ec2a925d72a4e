import { Type } from 'typebox';
import { Nullable, Page } from '../../platform/http/schemas.js';
import { RefusalEnum, StatusEnum } from './data-request.schemas.js';

const DatasetLink = Type.Object({ slug: Type.String(), title: Type.String(), url: Type.String() });
const RequestLink = Type.Object({ id: Type.String(), url: Type.String() });

export const RequestSummary = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    purpose: Type.String(),
    organisation: Type.Object({ slug: Type.String(), name: Type.String() }),
    theme: Nullable(Type.String()),
    frequency: Nullable(Type.String()),
    status: StatusEnum,
    status_label: Type.String(),
    status_reason: Nullable(Type.String({ description: "The body's public reason" })),
    target_date: Nullable(Type.String({ description: 'accepted: when it should be published' })),
    refusal_reason: Nullable(RefusalEnum),
    refusal_reason_label: Nullable(Type.String()),
    dataset: Nullable(DatasetLink),
    duplicate_of: Nullable(RequestLink),
    supporters: Type.Integer({ description: 'People who need this too' }),
    response_due: Type.String({ description: 'The response target, in working days' }),
    overdue: Type.Boolean({ description: 'Awaiting a decision past response_due' }),
    url: Type.String(),
    api_url: Type.String(),
    created_at: Type.String(),
    updated_at: Type.String(),
  },
  { description: 'A request for a dataset' },
);

export const HistoryEntry = Type.Object({
  from: StatusEnum,
  to: StatusEnum,
  to_label: Type.String(),
  reason: Type.String(),
  target_date: Nullable(Type.String()),
  refusal_reason: Nullable(RefusalEnum),
  refusal_reason_label: Nullable(Type.String()),
  dataset: Nullable(DatasetLink),
  duplicate_of: Nullable(RequestLink),
  by: Nullable(Type.Object({ name: Type.String() })),
  at: Type.String(),
});

export const Comment = Type.Object({
  id: Type.String(),
  body: Type.String(),
  author: Nullable(Type.Object({ name: Type.String() })),
  hidden: Type.Boolean({ description: 'Hidden by a moderator (only its moderators see it)' }),
  created_at: Type.String(),
});

export const RequestDetail = Type.Object({
  ...RequestSummary.properties,
  history: Type.Array(HistoryEntry, { description: 'Oldest first' }),
  comments: Type.Array(Comment),
});

export const RequestList = Page(RequestSummary);

export const SupportResult = Type.Object({
  outcome: Type.Union([Type.Literal('counted'), Type.Literal('already')]),
  supporters: Type.Integer(),
});

export const Moderation = Type.Object({
  id: Type.String(),
  comment_id: Type.String(),
  action: Type.String(),
  reason: Type.String(),
  created_at: Type.String(),
});
