import type { AppContext } from '../../context.js';
import { bearer } from '../../platform/http/operations.js';
import { errors, readErrors, writeErrors, type Api } from '../../platform/http/types.js';
import { authorise } from '../accounts/index.js';
import { getCategory } from './category.service.js';
import { getPublicReport, listPublicReports } from './public-report.service.js';
import {
  ReportCreated,
  ReportDetail,
  ReportFeatureCollection,
  ReportList,
} from './report.responses.js';
import { ReportCreateBody, ReportIdParams, ReportListQuery } from './report.schemas.js';
import { createReport } from './report.service.js';
import { bodyLookup, publicReport } from './report.view.js';
import { asFeatureCollection } from './report-geojson.js';

/** Citizen reports in public: lists with the pages' filters, GeoJSON, one report, and a new one. */
export function reportRoutes(app: Api, ctx: AppContext): void {
  const description =
    'Public (confirmed) reports. Repeat `area`, `category` or `status` to match any of their ' +
    'values; a value that names nothing is a 400 naming the parameter.';

  app.get(
    '/api/v1/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Citizen reports, filtered by area, category, status, dates or a box',
        description,
        querystring: ReportListQuery,
        response: { 200: ReportList, ...errors() },
      },
    },
    async (request) => {
      const { total, page, per_page, results } = await listPublicReports(ctx, request.query);
      return { total, page, per_page, results };
    },
  );

  app.get(
    '/api/v1/reports.geojson',
    {
      schema: {
        tags: ['reports'],
        summary: 'The same list as GeoJSON points (the reports map reads this)',
        description: `${description} Each feature's properties: category, status, body, ward, reported, url.`,
        querystring: ReportListQuery,
        response: { 200: ReportFeatureCollection, ...errors() },
      },
    },
    async (request) => asFeatureCollection(await listPublicReports(ctx, request.query)),
  );

  app.get(
    '/api/v1/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'One report with its public updates',
        description:
          'Unconfirmed and hidden reports are 404 (hidden: except for the body’s staff).',
        params: ReportIdParams,
        response: { 200: ReportDetail, ...readErrors },
      },
    },
    async (request) => (await getPublicReport(ctx, request.actor, request.params.id)).report,
  );

  app.post(
    '/api/v1/reports',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Make a report (a token with the reports scope); it goes to the body answering there',
        description:
          'The category must be offered at the point (GET /api/v1/categories?lat&lon) and its ' +
          'required questions answered in `attributes`; 422 lists every problem. The reporter’s ' +
          'e-mail, phone and name are never public unless `show_name` is true (the name only).',
        body: ReportCreateBody,
        security: bearer,
        response: { 201: ReportCreated, ...writeErrors, ...errors(429) },
      },
    },
    async (request, reply) => {
      authorise(
        request.actor,
        { type: 'report:submit' },
        'A token with the reports scope is needed',
      );
      const b = request.body;
      const { report, needsConfirmation } = await createReport(ctx, request.actor, {
        category: b.category,
        lat: b.lat,
        lon: b.lon,
        description: b.description,
        address: b.address,
        attributes: b.attributes,
        name: b.name,
        email: b.email,
        phone: b.phone,
        showName: b.show_name,
        mediaUrl: b.media_url,
        source: 'api',
        clientAddress: request.ip,
      });
      const [category, bodies] = await Promise.all([getCategory(ctx, b.category), bodyLookup(ctx)]);
      const view = publicReport(
        ctx.config.baseUrl,
        { report, category, photos: [], updates: [], staff: false },
        bodies,
      );
      return reply
        .status(201)
        .header('location', `${ctx.config.baseUrl}/api/v1/reports/${report.id}`)
        .send({ ...view, needs_confirmation: needsConfirmation });
    },
  );
}
