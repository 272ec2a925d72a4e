import { Type, type Static } from 'typebox';
import { enumOf, IsoDate, ListQuery, Slug } from '../../platform/http/schemas.js';
import { FREQUENCIES } from '../catalog/index.js';
import { ANSWERS, REFUSAL_REASONS, STATUSES } from './request-status.js';

export const StatusEnum = enumOf(STATUSES);
export const RefusalEnum = enumOf(REFUSAL_REASONS);

export const MAX_TITLE = 200;
export const MAX_TEXT = 5000;

export const RequestCreateBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: MAX_TITLE }),
    purpose: Type.String({
      minLength: 1,
      maxLength: MAX_TEXT,
      description: 'What the data is needed for',
    }),
    organisation: Type.String({
      maxLength: 200,
      description: 'The body thought to hold it (slug)',
    }),
    theme: Type.Optional(Slug),
    frequency: Type.Optional(enumOf(FREQUENCIES, 'How often it should be updated')),
  },
  { additionalProperties: false },
);
export type RequestCreateInput = Static<typeof RequestCreateBody>;

export const StatusChangeBody = Type.Object(
  {
    status: enumOf(ANSWERS),
    reason: Type.String({ minLength: 1, maxLength: MAX_TEXT, description: 'Public reason' }),
    target_date: Type.Optional(IsoDate),
    dataset: Type.Optional(Type.String({ maxLength: 200, description: 'released: its slug' })),
    refusal_reason: Type.Optional(RefusalEnum),
    duplicate_of: Type.Optional(Type.String({ maxLength: 100, description: 'duplicate: its id' })),
  },
  { additionalProperties: false },
);
export type StatusChangeInput = Static<typeof StatusChangeBody>;

export const AssignBody = Type.Object(
  { organisation: Type.String({ maxLength: 200, description: 'The body to answer it (slug)' }) },
  { additionalProperties: false },
);

export const CommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: MAX_TEXT }) },
  { additionalProperties: false },
);

export const ModerationBody = Type.Object(
  {
    action: enumOf(['hide', 'unhide'] as const),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type ModerationInput = Static<typeof ModerationBody>;

const filters = {
  status: Type.Optional(Type.Array(StatusEnum, { maxItems: 6 })),
  organisation: Type.Optional(Type.String({ maxLength: 200 })),
  theme: Type.Optional(Type.String({ maxLength: 100 })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words in title or purpose' })),
  overdue: Type.Optional(Type.Boolean({ description: 'Only those past the response target' })),
};
export const RequestListQuery = ListQuery(filters);
export type RequestListInput = Static<typeof RequestListQuery>;

export const RequestCommentParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  comment_id: Type.String({ format: 'uuid' }),
});
