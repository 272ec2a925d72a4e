import { Type, type Static } from 'typebox';
import { enumOf, IsoDate, ListQuery, WebUrl } from '../../platform/http/schemas.js';
import { MAX_DESCRIPTION } from './report.service.js';

// The reports API's requests: the public filters (shared with the pages) and a new report.

const Values = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20, description }),
  );

export const ReportFilters = {
  area: Values('A body’s slug (westshire) or a ward code (E05000001); repeat for any of them'),
  category: Values('A category code; repeat for any of them'),
  status: Values(
    'open (every status still to be dealt with), fixed, closed (every other end), or an exact ' +
      'status (investigating, in_progress, action_scheduled, duplicate, not_responsible, ' +
      'internal_referral); repeat for any of them',
  ),
  from: Type.Optional({ ...IsoDate, description: 'Reported on or after this day' }),
  to: Type.Optional({ ...IsoDate, description: 'Reported on or before this day' }),
  bbox: Type.Optional(
    Type.String({ maxLength: 200, description: 'minLon,minLat,maxLon,maxLat (WGS 84)' }),
  ),
  sort: Type.Optional(enumOf(['newest', 'oldest', 'updated'] as const, 'default newest')),
};

export const ReportListQuery = ListQuery(ReportFilters);
export type ReportListInput = Static<typeof ReportListQuery>;

export const ReportIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const Answer = Type.Union([
  Type.String({ maxLength: 2000 }),
  Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 50 }),
]);

export const ReportCreateBody = Type.Object(
  {
    category: Type.String({ minLength: 1, maxLength: 100, description: 'A category code' }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    description: Type.String({ minLength: 1, maxLength: MAX_DESCRIPTION }),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    attributes: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Answer, {
        description: 'Answers to the category’s questions, by attribute code',
      }),
    ),
    name: Type.Optional(Type.String({ maxLength: 200, description: 'The reporter’s name' })),
    email: Type.Optional(Type.String({ maxLength: 320, description: 'Never shown publicly' })),
    phone: Type.Optional(Type.String({ maxLength: 40, description: 'Never shown publicly' })),
    show_name: Type.Optional(
      Type.Boolean({ description: 'Show the name on the public report (default false)' }),
    ),
    media_url: Type.Optional(WebUrl),
  },
  { additionalProperties: false },
);
export type ReportCreateInput = Static<typeof ReportCreateBody>;
