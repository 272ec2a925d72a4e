import {
  actorForUser,
  createToken,
  createUser,
  SESSION_SCOPES,
  setPassword,
  type Actor,
} from '../../src/features/accounts/index.js';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from './app.js';
import { bearer, seedFixture, type Fixture } from './fixture.js';

// Data requests' tests: the shared catalogue (Bolton and Wigan, a publisher in every role)
// plus two residents, who ask for data and support it, with passwords for the page tests.

export const RESIDENT_PASSWORD = 'resident password 123';
export const EDITOR_PASSWORD = 'editor password 1234';

export interface RequestTest {
  t: TestApp;
  fx: Fixture;
  residents: { token: string; email: string; actor: Actor }[];
  api(
    method: string,
    url: string,
    token?: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
}

async function resident(t: TestApp, email: string, name: string) {
  const user = await createUser(t.ctx, { email, name, password: RESIDENT_PASSWORD });
  const { token } = await createToken(t.ctx, { email, name: 'app', scopes: ['read', 'reports'] });
  return { token, email, actor: await actorForUser(t.ctx, user.id, SESSION_SCOPES) };
}

export async function requestTest(): Promise<RequestTest> {
  const t = await createTestApp();
  const fx = await seedFixture(t.ctx);
  await setPassword(t.ctx, 'editor@bolton.example', EDITOR_PASSWORD);
  await setPassword(t.ctx, 'admin@example.org', EDITOR_PASSWORD);
  const residents = [
    await resident(t, 'rita@example.net', 'Rita Resident'),
    await resident(t, 'nick@example.net', 'Nick Neighbour'),
  ];
  return {
    t,
    fx,
    residents,
    api: async (method, url, token, payload) =>
      await t.app.inject({
        method: method as 'GET',
        url,
        headers: token ? bearer(token) : {},
        ...(payload ? { payload } : {}),
      }),
  };
}

export const gritting = {
  title: 'Gritting routes and times',
  purpose: 'A winter cycling app that shows which roads are gritted, and when.',
  organisation: 'bolton',
  theme: 'transport',
  frequency: 'daily' as const,
};
