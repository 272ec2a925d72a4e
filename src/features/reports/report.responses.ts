import { Type } from 'typebox';
import { DateTime, Nullable, Page } from '../../platform/http/schemas.js';
import { STATUSES } from './report-status.js';
import { enumOf } from '../../platform/http/schemas.js';

// The public shape of a report (report.view.ts) as the API documents it.

const Status = enumOf(STATUSES);
export const BodyRef = Type.Object(
  { slug: Type.String(), name: Type.String() },
  { description: 'The body (organisation) the report is sent to' },
);

const Photo = Type.Object({
  url: Type.String({ description: 'The photo (JPEG)' }),
  width: Type.Integer(),
  height: Type.Integer(),
});

const Update = Type.Object(
  {
    id: Type.String(),
    status: Nullable(Status),
    status_label: Nullable(Type.String()),
    text: Type.String(),
    source: Type.String({ description: 'web, open311, api or reporter' }),
    created_at: DateTime,
    body: Nullable(BodyRef),
  },
  { description: 'A public update: the body’s status change and words, or the reporter’s' },
);

const summaryFields = {
  id: Type.String(),
  url: Type.String({ description: 'The report’s page' }),
  category: Type.Object({ code: Type.String(), name: Type.String(), group: Type.String() }),
  body: BodyRef,
  ward: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  latitude: Type.Number(),
  longitude: Type.Number(),
  address: Nullable(Type.String()),
  description: Type.String(),
  attributes: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]), {
    description: 'Answers to the category’s questions, by attribute code',
  }),
  status: Status,
  status_label: Type.String(),
  open: Type.Boolean({ description: 'Still to be dealt with' }),
  reporter_name: Nullable(Type.String({ description: 'Only when the reporter chose to show it' })),
  supporters_count: Type.Integer({ description: '"Me too": others with the same problem' }),
  photos: Type.Array(Photo),
  media_url: Nullable(Type.String()),
  moderated: Type.Boolean({ description: 'A moderator changed or hid part of it' }),
  created_at: Type.String({ description: 'When it was confirmed (made public)' }),
  updated_at: Type.String(),
  fixed_at: Nullable(Type.String()),
  duplicate_of: Nullable(Type.String()),
};

export const ReportSummary = Type.Object(summaryFields, {
  description: 'A citizen report as the public sees it',
});
export const ReportDetail = Type.Object(
  { ...summaryFields, updates: Type.Array(Update, { description: 'Oldest first' }) },
  { description: 'A citizen report with its public updates' },
);
export const ReportCreated = Type.Object({
  ...ReportDetail.properties,
  needs_confirmation: Type.Boolean({
    description: 'The reporter must follow an e-mailed link before it is sent or shown',
  }),
});
export const ReportList = Page(ReportSummary);

export const ReportFeatureCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        id: Type.String(),
        geometry: Type.Object({
          type: Type.Literal('Point'),
          coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
        }),
        properties: Type.Object({
          category: Type.String(),
          status: Type.String(),
          body: Type.String(),
          ward: Nullable(Type.String()),
          reported: Type.String(),
          url: Type.String(),
        }),
      }),
    ),
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    per_page: Type.Integer({ minimum: 1 }),
  },
  { description: 'A page of reports as GeoJSON points (the map’s data)' },
);
