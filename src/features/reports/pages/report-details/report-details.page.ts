import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { DomainError } from '../../../../platform/errors.js';
import {
  errorLocals,
  fieldErrorsOf,
  formErrors,
  noErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import type { Actor } from '../../../accounts/index.js';
import { categoriesAt, type Offer } from '../../category.service.js';
import { nearbyReports, NEARBY_METRES } from '../../nearby.service.js';
import { MAX_PHOTOS } from '../../photo.service.js';
import { submitReport } from '../../report-submit.service.js';
import { categoryError, renderCategories } from '../report-category/report-category.page.js';
import {
  ageInWords,
  journeyHead,
  pointFrom,
  stepUrl,
  textParam,
  type Point,
} from '../report-shared/journey.js';
import { readReportUpload } from './details-upload.js';
import {
  blankDetails,
  detailsFromFields,
  detailsLabels,
  inFormOrder,
  questionsView,
  rewordDetailsErrors,
  type DetailsForm,
} from './report-details.view.js';

const TEMPLATE = 'features/reports/pages/report-details/report-details.njk';

interface Step {
  point: Point;
  place: string;
  offer: Offer;
}

/** The category chosen, offered at the point; else the categories page with why. */
async function stepOf(
  ctx: AppContext,
  reply: FastifyReply,
  point: Point,
  place: string,
  code: string,
): Promise<Step | null> {
  if (!code) {
    await renderCategories(ctx, reply, point, place, categoryError('Choose the problem'));
    return null;
  }
  const { offers } = await categoriesAt(ctx, point);
  const offer = offers.find((o) => o.category.code === code);
  if (!offer) {
    await renderCategories(
      ctx,
      reply,
      point,
      place,
      categoryError('That problem is not reported here: choose one of these'),
    );
    return null;
  }
  return { point, place, offer };
}

const verified = (actor: Actor) =>
  actor.user?.emailVerified === true && actor.scopes.has('reports') ? actor.user : null;

async function render(
  ctx: AppContext,
  reply: FastifyReply,
  actor: Actor,
  step: Step,
  form: DetailsForm,
  errors?: FormErrors,
  extra: { photosDropped?: boolean; status?: number } = {},
) {
  const { category, body } = step.offer;
  const nearby = await nearbyReports(ctx, step.point, category.code);
  const resident = verified(actor);
  return reply.page(
    TEMPLATE,
    {
      ...journeyHead(`Report: ${category.name}`),
      place: step.place,
      category: { code: category.code, name: category.name },
      bodyName: body.name,
      lat: step.point.lat,
      lon: step.point.lon,
      form,
      questions: questionsView(category, form.answers),
      resident: resident ? { name: resident.name, email: resident.email } : null,
      maxPhotos: MAX_PHOTOS,
      maxPhotoBytes: ctx.config.reportPhotoMaxBytes,
      photosDropped: extra.photosDropped === true,
      nearbyMetres: NEARBY_METRES,
      nearby: nearby.map(({ report, distanceMetres }) => ({
        id: report.id,
        description: report.description,
        age: ageInWords(report.created_at),
        metres: Math.round(distanceMetres),
        supporters: report.supporters_count,
      })),
      back: stepUrl('/report/category', step.point, { place: step.place }),
      ...errorLocals(errors ?? noErrors()),
    },
    extra.status ?? (errors ? 422 : 200),
  );
}

/**
 * /report/details: first the open reports of the same problem a few steps away ("me too"
 * instead of a second report), then the form: description, the category's questions, photos,
 * and how to reach the reporter. On a problem the form comes back as typed; the photos
 * cannot (browsers never refill a file input), and the page says so.
 */
export function reportDetailsPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/report/details', { schema: { hide: true } }, async (request, reply) => {
    const point = pointFrom(request.query);
    const step = await stepOf(
      ctx,
      reply,
      point,
      textParam(request.query, 'place', 100),
      textParam(request.query, 'category', 64),
    );
    if (!step) return reply;
    return render(ctx, reply, request.actor, step, blankDetails());
  });

  app.post('/report/details', { schema: { hide: true } }, async (request, reply) => {
    const upload = await readReportUpload(app, request, reply, ctx.config.reportPhotoMaxBytes);
    const text = (name: string) => {
      const v = upload.fields[name];
      return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
    };
    const point = pointFrom({ lat: text('lat'), lon: text('lon') });
    const step = await stepOf(ctx, reply, point, text('place').slice(0, 100), text('category'));
    if (!step) return reply;
    const { category } = step.offer;
    const form = detailsFromFields(upload.fields, category.attributes);
    const photosChosen = upload.photos.length + upload.extraPhotos > 0;
    const again = (errors: FormErrors, status?: number) =>
      render(ctx, reply, request.actor, step, form, errors, {
        photosDropped: photosChosen,
        ...(status ? { status } : {}),
      });
    if (upload.extraPhotos > 0) {
      return again(
        formErrors([{ field: 'photos', message: `Choose at most ${MAX_PHOTOS} photos` }], {
          photos: { label: 'Photos', id: 'photos' },
        }),
      );
    }
    try {
      const submitted = await submitReport(ctx, request.actor, {
        category: category.code,
        lat: point.lat,
        lon: point.lon,
        description: form.description,
        address: step.place || undefined,
        attributes: form.answers,
        name: form.name || undefined,
        showName: form.showName,
        email: form.email || undefined,
        phone: form.phone || undefined,
        source: 'web',
        clientAddress: request.ip,
        photos: upload.photos,
      });
      if (submitted.needsConfirmation) {
        return await reply.page('features/reports/pages/report-sent/check-email.njk', {
          ...journeyHead('Check your e-mail'),
          email: submitted.report.reporter_email,
          hours: ctx.config.reportConfirmHours,
        });
      }
      return await reply.redirect(`/report/sent/${submitted.report.id}`, 303);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'rate_limited') {
        return again(formErrors([{ field: 'description', message: err.message }], {}), 429);
      }
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      const labels = detailsLabels(category);
      const worded = inFormOrder(rewordDetailsErrors(fields, category), labels);
      return again(formErrors(worded, labels));
    }
  });
}
