import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { formErrors, type FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { categoriesAt } from '../../category.service.js';
import {
  journeyHead,
  pointFrom,
  stepUrl,
  textParam,
  type Point,
} from '../report-shared/journey.js';

const TEMPLATE = 'features/reports/pages/report-category/report-category.njk';

/** The categories offered at the point, grouped as the region groups them. */
export async function renderCategories(
  ctx: AppContext,
  reply: FastifyReply,
  point: Point,
  place: string,
  errors?: FormErrors,
) {
  const { located, offers } = await categoriesAt(ctx, point);
  const groups = new Map<string, { name: string; items: unknown[] }>();
  for (const offer of offers) {
    const name = offer.category.group || 'Other problems';
    const group = groups.get(name) ?? { name, items: [] };
    group.items.push({
      value: offer.category.code,
      text: offer.category.name,
      hint: {
        text: `${offer.category.description ? `${offer.category.description} ` : ''}Sent to ${offer.body.name}.`,
      },
    });
    groups.set(name, group);
  }
  return formPage(
    reply,
    TEMPLATE,
    {
      ...journeyHead('What is the problem?'),
      place: place !== '' ? place : (located.ward?.name ?? ''),
      lat: point.lat,
      lon: point.lon,
      placeParam: place,
      groups: [...groups.values()],
      back: stepUrl('/report/where', point, { place }),
    },
    errors,
  );
}

export const categoryError = (message: string) =>
  formErrors([{ field: 'category', message }], { category: { label: 'Problem', id: 'category' } });

/** /report/category: what kind of problem, among those a body answers at this point. */
export function reportCategoryPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/report/category', { schema: { hide: true } }, async (request, reply) =>
    renderCategories(ctx, reply, pointFrom(request.query), textParam(request.query, 'place', 100)),
  );
}
