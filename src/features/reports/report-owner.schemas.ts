import { Type } from 'typebox';
import { DateTime, enumOf, ListQuery, Nullable, Page } from '../../platform/http/schemas.js';
import { STATUSES } from './report-status.js';
import { MAX_DESCRIPTION } from './report.service.js';
import { MAX_UPDATE_TEXT } from './report-update.service.js';

// The reporter's own reports in the API: what they see of their reports (more than the public:
// every state, and what they may still do), and what they may send.

export const OwnReport = Type.Object(
  {
    id: Type.String(),
    url: Type.String({ description: 'The public page of the report (once confirmed)' }),
    category: Type.Object({ code: Type.String(), name: Type.String() }),
    body: Type.Object(
      { slug: Type.String(), name: Type.String() },
      { description: 'The body the report was sent to' },
    ),
    status: enumOf(STATUSES),
    status_label: Type.String(),
    state: enumOf(
      ['unconfirmed', 'confirmed', 'hidden'] as const,
      'unconfirmed: waiting for the e-mailed link; hidden: by a moderator',
    ),
    description: Type.String(),
    address: Nullable(Type.String()),
    latitude: Type.Number(),
    longitude: Type.Number(),
    ward: Nullable(Type.Object({ code: Nullable(Type.String()), name: Type.String() })),
    show_name: Type.Boolean({ description: 'Whether the name is shown publicly' }),
    anonymised: Type.Boolean({ description: 'The name was taken off for good' }),
    public_name: Nullable(Type.String({ description: 'The name the public sees, if any' })),
    supporters_count: Type.Integer({ minimum: 0 }),
    created_at: DateTime,
    confirmed_at: Nullable(DateTime),
    updated_at: DateTime,
    fixed_at: Nullable(DateTime),
    editable_until: Nullable(
      Type.String({
        format: 'date-time',
        description: 'The description may be changed until then',
      }),
    ),
    reopenable_until: Nullable(
      Type.String({ format: 'date-time', description: 'It may be reopened until then' }),
    ),
  },
  { description: 'A report of yours, with what you may still do with it' },
);

export const OwnReportList = Page(OwnReport);
export const OwnReportQuery = ListQuery();

export const OwnReportPatchBody = Type.Object(
  { description: Type.String({ minLength: 1, maxLength: MAX_DESCRIPTION }) },
  { additionalProperties: false },
);

export const ReopenBody = Type.Object(
  {
    text: Type.String({
      minLength: 1,
      maxLength: MAX_UPDATE_TEXT,
      description: 'Why the problem is not fixed (shown publicly as your update)',
    }),
  },
  { additionalProperties: false },
);
