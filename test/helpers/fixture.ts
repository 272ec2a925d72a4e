import {
  createToken,
  createUser,
  type Actor,
  actorForUser,
  revokeToken,
} from '../../src/features/accounts/index.js';
import type { Role } from '../../src/platform/db/schema.js';
import { createDataset } from '../../src/features/catalog/index.js';
import {
  addMemberToOrganisation,
  createOrganisation,
} from '../../src/features/organisations/index.js';
import type { AppContext } from '../../src/context.js';

export interface Fixture {
  tokens: {
    admin: string;
    editor: string;
    member: string;
    otherEditor: string;
    outsider: string;
    readOnlyEditor: string;
    expired: string;
    revoked: string;
  };
  editorActor: Actor;
  wiganActor: Actor;
}

async function userWithToken(
  ctx: AppContext,
  email: string,
  membership: { org: string; role: Role } | null,
  options: { siteAdmin?: boolean; scopes?: string[] } = {},
): Promise<string> {
  await createUser(ctx, {
    email,
    name: email.split('@')[0] ?? email,
    siteAdmin: options.siteAdmin,
  });
  if (membership) await addMemberToOrganisation(ctx, email, membership.org, membership.role);
  const { token } = await createToken(ctx, {
    email,
    name: 'test',
    scopes: options.scopes ?? ['read', 'write'],
  });
  return token;
}

/**
 * The shared test catalogue: two councils, users in every role, and datasets in every state
 * (public, private, draft) so that each test can check who sees what.
 */
export async function seedFixture(ctx: AppContext): Promise<Fixture> {
  await createOrganisation(ctx, null, { slug: 'bolton', name: 'Bolton Council', kind: 'council' });
  await createOrganisation(ctx, null, { slug: 'wigan', name: 'Wigan Council', kind: 'council' });
  const tokens = {
    admin: await userWithToken(ctx, 'admin@example.org', null, { siteAdmin: true }),
    editor: await userWithToken(ctx, 'editor@bolton.example', { org: 'bolton', role: 'editor' }),
    member: await userWithToken(ctx, 'member@bolton.example', { org: 'bolton', role: 'member' }),
    otherEditor: await userWithToken(ctx, 'editor@wigan.example', { org: 'wigan', role: 'editor' }),
    outsider: await userWithToken(ctx, 'resident@example.org', null),
    readOnlyEditor: await userWithToken(
      ctx,
      'reader@bolton.example',
      { org: 'bolton', role: 'editor' },
      { scopes: ['read'] },
    ),
    expired: '',
    revoked: '',
  };
  const expired = await createToken(ctx, {
    email: 'editor@bolton.example',
    name: 'old',
    scopes: ['read', 'write'],
    expiresInDays: 1,
  });
  await ctx.db.kysely
    .updateTable('api_tokens')
    .set({ expires_at: '2000-01-01T00:00:00.000Z' })
    .where('id', '=', expired.record.id)
    .execute();
  tokens.expired = expired.token;
  const revoked = await createToken(ctx, {
    email: 'editor@bolton.example',
    name: 'leaked',
    scopes: ['read', 'write'],
  });
  await revokeToken(ctx, revoked.record.id);
  tokens.revoked = revoked.token;

  const editorUser = await ctx.db.kysely
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'editor@bolton.example')
    .executeTakeFirstOrThrow();
  const editorActor = await actorForUser(ctx, editorUser.id, ['read', 'write']);
  const wiganUser = await ctx.db.kysely
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'editor@wigan.example')
    .executeTakeFirstOrThrow();
  const wiganActor = await actorForUser(ctx, wiganUser.id, ['read', 'write']);

  await createDataset(ctx, editorActor, {
    slug: 'bus-punctuality',
    title: 'Bus punctuality',
    organisation: 'bolton',
    description: 'How often buses leave on time, by route and month.',
    tags: ['buses', 'punctuality'],
    themes: ['transport'],
  });
  await createDataset(ctx, editorActor, {
    slug: 'fly-tipping-reports',
    title: 'Fly-tipping reports',
    organisation: 'bolton',
    description: 'Reports of fly-tipping made by residents.',
    tags: ['waste'],
    themes: ['service-requests', 'environment'],
  });
  await createDataset(ctx, editorActor, {
    slug: 'staff-rota',
    title: 'Depot staff rota',
    organisation: 'bolton',
    description: 'Internal rota for the bus depot.',
    tags: ['internal'],
    themes: ['transport'],
    visibility: 'private',
  });
  await createDataset(ctx, editorActor, {
    slug: 'draft-cycle-counts',
    title: 'Cycle counts (draft)',
    organisation: 'bolton',
    description: 'Counts of cycles at automatic counters.',
    tags: ['cycling'],
    themes: ['transport'],
    state: 'draft',
  });
  await createDataset(ctx, wiganActor, {
    slug: 'air-quality',
    title: 'Air quality monitoring',
    organisation: 'wigan',
    description: 'Nitrogen dioxide readings from diffusion tubes near bus stations.',
    tags: ['air quality', 'pollution'],
    themes: ['environment'],
    licence: 'CC-BY-4.0',
  });
  return { tokens, editorActor, wiganActor };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
