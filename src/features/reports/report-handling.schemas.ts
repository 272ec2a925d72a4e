import { Type, type Static } from 'typebox';
import { DateTime, enumOf, Nullable, Page, PageParams } from '../../platform/http/schemas.js';
import { MODERATION_ACTIONS, MAX_REASON } from './report-moderation.service.js';
import { STATUSES } from './report-status.js';
import { MAX_UPDATE_TEXT } from './report-update.service.js';

// The API's requests and answers for the body's staff: updates (status, duplicate, re-routing)
// and moderation.

export const ReportIdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

export const HandlingBody = Type.Object(
  {
    status: Type.Optional(enumOf(STATUSES, 'The new status; leave out to add words only')),
    text: Type.Optional(
      Type.String({ maxLength: MAX_UPDATE_TEXT, description: 'The public update, in words' }),
    ),
    duplicate_of: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'With status duplicate: the original report (the same body’s)',
      }),
    ),
    organisation: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'With status not_responsible: the slug of the body answering the category to pass the report to',
      }),
    ),
  },
  { additionalProperties: false },
);
export type HandlingBodyInput = Static<typeof HandlingBody>;

export const ModerationBody = Type.Object(
  {
    action: enumOf(MODERATION_ACTIONS),
    reason: Type.String({ minLength: 1, maxLength: MAX_REASON, description: 'Why (required)' }),
    photo_id: Type.Optional(
      Type.String({ maxLength: 100, description: 'hide_photo, unhide_photo' }),
    ),
    update_id: Type.Optional(Type.String({ maxLength: 100, description: 'hide_update' })),
    description: Type.Optional(
      Type.String({ maxLength: 5000, description: 'redact: the description as it should read' }),
    ),
  },
  { additionalProperties: false },
);
export type ModerationBodyInput = Static<typeof ModerationBody>;

export const ModerationListQuery = Type.Object({ ...PageParams }, { additionalProperties: false });

const StatusEnum = enumOf(STATUSES);

export const HandlingResult = Type.Object(
  {
    update: Type.Object({
      id: Type.String(),
      status: Nullable(StatusEnum),
      text: Type.String(),
      created_at: DateTime,
    }),
    report: Type.Object({
      id: Type.String(),
      status: StatusEnum,
      organisation: Type.Object({ slug: Type.String(), name: Type.String() }),
      duplicate_of: Nullable(Type.String()),
      send_state: enumOf(['unsent', 'queued', 'sent', 'failed']),
      updated_at: DateTime,
    }),
    rerouted: Type.Boolean({ description: 'The report was passed to another body' }),
  },
  { description: 'The update posted, and the report as it is now' },
);

export const Moderation = Type.Object(
  {
    id: Type.String(),
    action: enumOf(MODERATION_ACTIONS),
    reason: Type.String(),
    photo_id: Nullable(Type.String()),
    update_id: Nullable(Type.String()),
    by: Nullable(Type.Object({ name: Type.String() })),
    created_at: DateTime,
  },
  { description: 'One moderation of a report (the original text of a redaction is not kept)' },
);

export const ModerationList = Page(Moderation);
