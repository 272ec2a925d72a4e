import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createToken, createUser } from '../../src/features/accounts/index.js';
import { bearer } from './fixture.js';
import { fibre, promiseTest, type PromiseTest } from './promise-fixture.js';

// The challenges' test region: the promise tracker's (the mayor's office, its chief digital
// officer, the fibre promise) plus a resident's friend to invite into a team. Deadlines are fixed
// dates: one far ahead (open) and one in the past (entries closed), never a wait.

export const FUTURE = '2099-06-30T17:00:00.000Z';
export const PAST = '2020-01-31T17:00:00.000Z';

export const inclusion = {
  organisation: 'gmca',
  slug: 'digital-inclusion',
  title: 'Get every household online',
  problem: 'Thousands of households have **no broadband**. Where are they?',
  criteria: 'Use of the datasets offered; how many households it could reach.',
  prize: '£10,000 and a pilot with the combined authority',
  deadline: FUTURE,
  datasets: ['bus-punctuality', 'air-quality'],
  promise: fibre.slug,
};

export interface ChallengeTest extends Omit<PromiseTest, 'api'> {
  /** A token of a second resident, invited into the first one's team (scopes read, reports). */
  friend: string;
  api(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    token?: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export async function challengeTest(): Promise<ChallengeTest> {
  const p = await promiseTest();
  const ok = (res: LightMyRequestResponse, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
  };
  ok(await p.api('POST', '/api/v1/promises', p.mayorsEditor, fibre), 201);
  await createUser(p.t.ctx, { email: 'friend@example.org', name: 'Friend Resident' });
  const { token: friend } = await createToken(p.t.ctx, {
    email: 'friend@example.org',
    name: 'test',
    scopes: ['read', 'reports'],
  });
  const api: ChallengeTest['api'] = (method, url, token, payload) =>
    p.t.app.inject({
      method,
      url,
      ...(token ? { headers: bearer(token) } : {}),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return { ...p, friend, api };
}

export const entry = {
  title: 'Not-spots map',
  description: 'A map of streets with no fixed broadband, from the datasets offered.',
  url: 'https://example.org/not-spots',
  team_name: 'Team Not-spots',
  members: ['Friend@example.org'],
};

export interface ChallengeBody {
  slug: string;
  status: string;
  entries_public: boolean;
  entry_count: number;
  outcome: string | null;
  datasets: { slug: string }[];
  promise: { slug: string } | null;
}
export interface EntryBody {
  id: string;
  award: string | null;
  members: { name: string; role: string }[];
  pending_invitations: number;
}
export interface EntryListBody {
  total: number;
  entries_public: boolean;
  results: EntryBody[];
}
