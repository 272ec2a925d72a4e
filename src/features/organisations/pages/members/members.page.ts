import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { publishPage } from '../../../../platform/views/page-head.js';
import {
  addMemberByEmail,
  changeMemberRole,
  listMembers,
  removeMember,
  ROLES,
} from '../../../accounts/index.js';
import {
  fieldErrorsOf,
  formErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { organisationForMembers } from '../../organisation.service.js';

type Organisation = Awaited<ReturnType<typeof organisationForMembers>>;

const TEMPLATE = 'features/organisations/pages/members/members.njk';
const LABELS = {
  email: { label: 'E-mail address', id: 'email' },
  role: { label: 'Role', id: 'role' },
};

interface MemberParams {
  Params: { slug: string; userId: string };
}

async function render(
  ctx: AppContext,
  request: FastifyRequest<SlugRoute>,
  reply: FastifyReply,
  form: { email: string; role: string } = { email: '', role: 'editor' },
  errors?: FormErrors,
) {
  const organisation = await organisationForMembers(ctx, request.params.slug);
  const members = await listMembers(ctx, request.actor, organisation);
  return formPage(
    reply,
    TEMPLATE,
    {
      ...publishPage(`Members of ${organisation.name}`),
      organisation,
      members,
      roles: ROLES,
      form,
      me: request.actor.user?.id,
    },
    errors,
  );
}

/** Run a change; a validation failure shows the members page again with the error. */
async function change(
  ctx: AppContext,
  request: FastifyRequest<SlugRoute>,
  reply: FastifyReply,
  form: { email: string; role: string },
  run: () => Promise<void>,
) {
  try {
    await run();
  } catch (err) {
    const problems = fieldErrorsOf(err);
    if (!problems) throw err;
    return render(ctx, request, reply, form, formErrors(problems, LABELS));
  }
  return reply.redirect(`/publish/organisations/${request.params.slug}/members`, 303);
}

/** An organisation's members: list, add an existing account, change role, remove. */
export function membersPages(app: FastifyInstance, ctx: AppContext): void {
  const write = formPost(app);
  const base = '/publish/organisations/:slug/members';

  app.get<SlugRoute>(base, (request, reply) => render(ctx, request, reply));

  app.post<SlugRoute>(base, write, (request, reply) => {
    const form = { email: field(request.body, 'email'), role: field(request.body, 'role') };
    return change(ctx, request, reply, form, async () =>
      addMemberByEmail(
        ctx,
        request.actor,
        await organisationForMembers(ctx, request.params.slug),
        form,
      ),
    );
  });

  // A member's row has its own buttons; on an error the page shows the add form blank.
  const changeMember = (
    request: FastifyRequest<MemberParams>,
    reply: FastifyReply,
    run: (org: Organisation) => Promise<void>,
  ) =>
    change(ctx, request, reply, { email: '', role: 'editor' }, async () =>
      run(await organisationForMembers(ctx, request.params.slug)),
    );

  app.post<MemberParams>(`${base}/:userId/role`, write, (request, reply) =>
    changeMember(request, reply, (org) =>
      changeMemberRole(ctx, request.actor, org, request.params.userId, field(request.body, 'role')),
    ),
  );

  app.post<MemberParams>(`${base}/:userId/remove`, write, (request, reply) =>
    changeMember(request, reply, (org) =>
      removeMember(ctx, request.actor, org, request.params.userId),
    ),
  );
}
