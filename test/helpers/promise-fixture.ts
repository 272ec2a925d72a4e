import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createToken, createUser } from '../../src/features/accounts/index.js';
import {
  addMemberToOrganisation,
  createOrganisation,
} from '../../src/features/organisations/index.js';
import { addDays, todayIso } from '../../src/features/promises/index.js';
import { saveRegion } from '../../src/features/region/index.js';
import { createTestApp, type TestApp } from './app.js';
import { bearer, seedFixture, type Fixture } from './fixture.js';

// The promise tracker's test region, shared by the API and the page tests: a mayor who took
// office 99 days ago (today is day 100), the combined authority and its chief digital officer.

export const PASSWORD = 'correct horse battery staple';
export const today = todayIso();
export const termStart = addDays(today, -99);

export const fibre = {
  slug: 'full-fibre-schools',
  title: 'Full-fibre broadband for every school',
  quote: 'Every school in the region will have a full-fibre connection.',
  source: { kind: 'manifesto', url: 'https://example.org/manifesto', date: '2026-04-01' },
  made_by: 'The Mayor',
  theme: 'broadband',
  deadline: { kind: 'days', days: 365 },
  owner: 'gmca',
};

export const portal = {
  ...fibre,
  slug: 'open-data-portal',
  title: 'An open data portal for the region',
  theme: 'digital-inclusion',
  deadline: { kind: 'date', date: addDays(today, -10) },
};

/** The fibre promise's first change of status, with its evidence. */
export const firstChange = {
  status: 'in-the-works',
  rationale: 'Contracts for **40 schools** signed.',
  evidence: [
    { title: 'Cabinet report', url: 'https://example.org/cabinet', kind: 'document' },
    { title: 'Connections by school', url: '/datasets/bus-punctuality', kind: 'dataset' },
  ],
  date: addDays(today, -30),
};

export interface PromiseBody {
  slug: string;
  status: string;
  made_by: string;
  deadline: { kind: string; due: string | null; overdue: boolean };
}
export interface ListBody {
  term: { start: string | null; day: number | null };
  total: number;
  counts: Record<string, number>;
  results: PromiseBody[];
}
export const slugs = (l: ListBody) => l.results.map((p) => p.slug);

export interface PromiseTest {
  t: TestApp;
  fx: Fixture;
  /** A token of the combined authority's editor (the mayor's office). */
  mayorsEditor: string;
  api(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    token?: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export async function promiseTest(): Promise<PromiseTest> {
  const t = await createTestApp();
  const fx = await seedFixture(t.ctx);
  await saveRegion(t.ctx, {
    id: 'region-1',
    slug: 'test-region',
    name: 'Test Region',
    boundary: null,
    settings: JSON.stringify({ mayorTermStart: termStart }),
    created_at: today,
    updated_at: today,
  });
  await createOrganisation(t.ctx, null, {
    slug: 'gmca',
    name: 'Greater Manchester Combined Authority',
    kind: 'combined-authority',
  });
  await createUser(t.ctx, {
    email: 'cdo@gmca.example',
    name: 'Chief Digital Officer',
    password: PASSWORD,
  });
  await addMemberToOrganisation(t.ctx, 'cdo@gmca.example', 'gmca', 'editor');
  const { token: mayorsEditor } = await createToken(t.ctx, {
    email: 'cdo@gmca.example',
    name: 'test',
    scopes: ['read', 'write'],
  });
  const api: PromiseTest['api'] = (method, url, token, payload) =>
    t.app.inject({
      method,
      url,
      ...(token ? { headers: bearer(token) } : {}),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return { t, fx, mayorsEditor, api };
}

/**
 * The two promises as the API tests leave them: the fibre promise made by the mayor's office,
 * renamed and moved into the works; the portal, overdue, made by a site admin.
 */
export async function seedPromises(p: PromiseTest): Promise<void> {
  const ok = (res: LightMyRequestResponse, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
  };
  ok(await p.api('POST', '/api/v1/promises', p.mayorsEditor, fibre), 201);
  ok(await p.api('POST', '/api/v1/promises', p.fx.tokens.admin, portal), 201);
  ok(
    await p.api('PATCH', '/api/v1/promises/full-fibre-schools', p.mayorsEditor, {
      made_by: 'The Mayor of Greater Manchester',
    }),
    200,
  );
  ok(
    await p.api('POST', '/api/v1/promises/full-fibre-schools/status', p.mayorsEditor, firstChange),
    201,
  );
}
