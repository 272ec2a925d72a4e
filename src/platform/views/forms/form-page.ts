import type { FastifyReply } from 'fastify';
import type { FieldError } from '../../errors.js';
import type { PageLocals } from '../views.plugin.js';
import {
  errorLocals,
  fieldErrorsOf,
  formErrors,
  noErrors,
  type FieldLabels,
  type FormErrors,
} from './form-errors.js';

/**
 * A page with a form: given errors (a post that failed), it shows them in the error summary and
 * beside their fields and answers 422; without, it shows the form as it starts, 200.
 */
export function formPage(
  reply: FastifyReply,
  template: string,
  locals: PageLocals,
  errors?: FormErrors,
): Promise<FastifyReply> {
  return reply.page(
    template,
    { ...locals, ...errorLocals(errors ?? noErrors()) },
    errors ? 422 : 200,
  );
}

/** One form post of a publisher's page, from the request body to a redirect or the errors. */
export interface FormSubmission<Form, Input, Saved> {
  labels: FieldLabels;
  /** The form as typed (to show it again) and the service's input, or what is wrong with it. */
  read(body: unknown): { form: Form; input: Input; errors: FieldError[] };
  /** Calls the service; its validation failures are shown on the form like the form's own. */
  save(input: Input): Promise<Saved>;
  /** Where to go once saved (303, so a reload does not post again). */
  next(saved: Saved): string;
  /** Shows the form again with its errors (formPage). */
  render(form: Form, errors: FormErrors): unknown;
  /** Rewords the service's field errors for this form (for example a tile's index). */
  reword?(errors: FieldError[]): FieldError[];
}

/**
 * The pattern every form page follows, in one place: check the form, call the same service as
 * the API, redirect; or show every problem at once in the GOV.UK error summary and beside each
 * field, with the person's input kept.
 */
export async function submitForm<Form, Input, Saved>(
  reply: FastifyReply,
  body: unknown,
  s: FormSubmission<Form, Input, Saved>,
): Promise<unknown> {
  const { form, input, errors } = s.read(body);
  if (errors.length === 0) {
    try {
      return await reply.redirect(s.next(await s.save(input)), 303);
    } catch (err) {
      const fromService = fieldErrorsOf(err);
      if (!fromService) throw err;
      errors.push(...(s.reword ? s.reword(fromService) : fromService));
    }
  }
  return s.render(form, formErrors(errors, s.labels));
}
