import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import type { FieldError } from '../../../../platform/errors.js';
import { HOME } from '../../../../platform/views/page-head.js';
import {
  datePartsFrom,
  isoDateOf,
  type DateParts,
} from '../../../../platform/views/forms/form-date.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import { authorise, can, type Actor } from '../../../accounts/index.js';
import { allOrganisations } from '../../../organisations/index.js';
import type { StatusChangeInput } from '../../data-request.schemas.js';
import { reassignRequest, requestRow } from '../../data-request.service.js';
import { changeRequestStatus } from '../../request-answer.service.js';
import { ANSWERS, REFUSAL_LABELS, REFUSAL_REASONS, STATUS_LABELS } from '../../request-status.js';

const DIR = 'features/data-requests/pages/request-answer';
const LABELS = {
  status: { label: 'Answer', id: 'status' },
  reason: { label: 'Public reason', id: 'reason' },
  target_date: { label: 'Target date', id: 'target_date' },
  dataset: { label: 'Released dataset', id: 'dataset' },
  refusal_reason: { label: 'Why it is refused', id: 'refusal_reason' },
  duplicate_of: { label: 'The request it repeats', id: 'duplicate_of' },
  organisation: { label: 'Body', id: 'organisation' },
};

const IdParam = Type.Object({ id: Type.String({ format: 'uuid' }) });
interface IdRoute {
  Params: Static<typeof IdParam>;
}

interface Form {
  status: string;
  reason: string;
  target: DateParts;
  dataset: string;
  refusal_reason: string;
  duplicate_of: string;
}

const empty: Form = {
  status: '',
  reason: '',
  target: { day: '', month: '', year: '' },
  dataset: '',
  refusal_reason: '',
  duplicate_of: '',
};

async function render(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  id: string,
  form: Form,
  errors?: FormErrors,
) {
  const row = await requestRow(ctx, id);
  const mayAnswer = can(actor, {
    type: 'data-request:answer',
    organisationId: row.organisation_id,
  });
  const mayReassign = can(actor, { type: 'data-request:reassign' });
  if (!mayAnswer && !mayReassign) {
    authorise(
      actor,
      { type: 'data-request:answer', organisationId: row.organisation_id },
      'Only the assigned body’s administrators and editors answer this request',
    );
  }
  const orgs = mayReassign ? await allOrganisations(ctx) : [];
  return formPage(
    reply,
    `${DIR}/request-answer.njk`,
    {
      pageTitle: `Answer: ${row.title}`,
      section: 'data-requests',
      breadcrumbs: [
        HOME,
        { text: 'Data requests', href: '/data-requests' },
        { text: row.title, href: `/data-requests/${row.id}` },
      ],
      request: { id: row.id, title: row.title, organisation: row.organisation_name },
      mayAnswer,
      form,
      statusItems: ANSWERS.map((s) => ({
        value: s,
        text: STATUS_LABELS[s],
        checked: form.status === s,
      })),
      refusalItems: [
        { value: '', text: 'Choose a reason' },
        ...REFUSAL_REASONS.map((r) => ({
          value: r,
          text: REFUSAL_LABELS[r],
          selected: form.refusal_reason === r,
        })),
      ],
      organisationItems: orgs.map((o) => ({
        value: o.slug,
        text: o.name,
        selected: o.id === row.organisation_id,
      })),
    },
    errors,
  );
}

function read(body: unknown): { form: Form; input: StatusChangeInput; errors: FieldError[] } {
  const form: Form = {
    status: field(body, 'status'),
    reason: field(body, 'reason').trim(),
    target: datePartsFrom(body, 'target_date'),
    dataset: field(body, 'dataset').trim(),
    refusal_reason: field(body, 'refusal_reason'),
    duplicate_of: field(body, 'duplicate_of').trim(),
  };
  const errors: FieldError[] = [];
  const status = ANSWERS.find((s) => s === form.status);
  if (!status) errors.push({ field: 'status', message: 'Choose an answer' });
  if (!form.reason)
    errors.push({ field: 'reason', message: 'Give the public reason for the answer' });
  const target = isoDateOf(form.target, 'target_date', 'Target date');
  if (target.error) errors.push(target.error);
  const refusal = REFUSAL_REASONS.find((r) => r === form.refusal_reason);
  const input: StatusChangeInput = {
    status: status ?? 'under_consideration',
    reason: form.reason,
    ...(status === 'accepted' && target.value ? { target_date: target.value } : {}),
    ...(status === 'released' && form.dataset ? { dataset: form.dataset } : {}),
    ...(status === 'refused' && refusal ? { refusal_reason: refusal } : {}),
    ...(status === 'duplicate' && form.duplicate_of ? { duplicate_of: form.duplicate_of } : {}),
  };
  return { form, input, errors };
}

/** /data-requests/{id}/answer: the body's answer; site admins also pass it to another body. */
export function requestAnswerPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<IdRoute>(
    '/data-requests/:id/answer',
    { schema: { hide: true, params: IdParam } },
    (request, reply) => render(ctx, request.actor, reply, request.params.id, empty),
  );

  app.post<IdRoute>(
    '/data-requests/:id/answer',
    { schema: { hide: true, params: IdParam }, ...formPost(app) },
    (request, reply) => {
      const { id } = request.params;
      return submitForm(reply, request.body, {
        labels: LABELS,
        read,
        save: (input) => changeRequestStatus(ctx, request.actor, id, input),
        next: () => {
          reply.flash('Your answer is published. The requester and supporters are told by e-mail.');
          return `/data-requests/${id}`;
        },
        render: (form, errors) => render(ctx, request.actor, reply, id, form, errors),
      });
    },
  );

  app.post<IdRoute>(
    '/data-requests/:id/assign',
    { schema: { hide: true, params: IdParam }, ...formPost(app) },
    (request, reply) => {
      const { id } = request.params;
      return submitForm(reply, request.body, {
        labels: LABELS,
        read: (body) => ({ form: empty, input: field(body, 'organisation'), errors: [] }),
        save: (slug) => reassignRequest(ctx, request.actor, id, slug),
        next: (saved) => {
          reply.flash(`The request is now with ${saved.organisation.name}`);
          return `/data-requests/${id}`;
        },
        render: (form, errors) => render(ctx, request.actor, reply, id, form, errors),
      });
    },
  );
}
