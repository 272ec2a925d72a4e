import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentOnRequest, createRequest } from '../../src/features/data-requests/index.js';
import { bearer } from '../helpers/fixture.js';
import { gritting, requestTest, type RequestTest } from '../helpers/data-request-fixture.js';

// Every write of the data requests API, by every kind of caller: who may, and that a refusal
// changes nothing. Bolton is the body asked; Wigan's editor is another council's.

let rt: RequestTest;
beforeAll(async () => {
  rt = await requestTest();
}, 60_000);
afterAll(() => rt.t.close());

type Who =
  | 'anonymous'
  | 'resident'
  | 'member'
  | 'editor'
  | 'otherEditor'
  | 'admin'
  | 'readOnlyEditor'
  | 'expired';
const CALLERS: Who[] = [
  'anonymous',
  'resident',
  'member',
  'editor',
  'otherEditor',
  'admin',
  'readOnlyEditor',
  'expired',
];

function headers(who: Who) {
  if (who === 'anonymous') return {};
  if (who === 'resident') return bearer(rt.residents[1]?.token ?? '');
  return bearer(rt.fx.tokens[who]);
}

interface Case {
  name: string;
  method: 'POST' | 'PUT';
  path: (id: string, commentId: string) => string;
  payload: object;
  ok: number;
  allowed: Who[];
}

// A signed-in person (a session or a token with the `reports` scope) asks, supports and
// comments; publishers' tokens (read, write) do not carry it, as for citizen reports.
const CASES: Case[] = [
  {
    name: 'ask for a dataset',
    method: 'POST',
    path: () => '/api/v1/data-requests',
    payload: gritting,
    ok: 201,
    allowed: ['resident'],
  },
  {
    name: 'support a request',
    method: 'POST',
    path: (id) => `/api/v1/data-requests/${id}/supporters`,
    payload: {},
    ok: 201,
    allowed: ['resident'],
  },
  {
    name: 'comment on a request',
    method: 'POST',
    path: (id) => `/api/v1/data-requests/${id}/comments`,
    payload: { body: 'Me too' },
    ok: 201,
    allowed: ['resident'],
  },
  {
    name: 'answer a request',
    method: 'POST',
    path: (id) => `/api/v1/data-requests/${id}/status`,
    payload: { status: 'under_consideration', reason: 'Looking into it' },
    ok: 201,
    allowed: ['editor', 'admin'],
  },
  {
    name: 're-assign a request',
    method: 'PUT',
    path: (id) => `/api/v1/data-requests/${id}/organisation`,
    payload: { organisation: 'wigan' },
    ok: 200,
    allowed: ['admin'],
  },
  {
    name: 'moderate a comment',
    method: 'POST',
    path: (id, commentId) => `/api/v1/data-requests/${id}/comments/${commentId}/moderation`,
    payload: { action: 'hide', reason: 'Off topic' },
    ok: 201,
    allowed: ['editor', 'admin'],
  },
];

describe('authorisation matrix: data requests', () => {
  for (const c of CASES) {
    for (const who of CALLERS) {
      const allowed = c.allowed.includes(who);
      it(`${who} ${allowed ? 'may' : 'may not'} ${c.name}`, async () => {
        // A fresh request (and comment) per row, so one row's write is not another's input.
        const rita = rt.residents[0]?.actor;
        if (!rita) throw new Error('no resident');
        const request = await createRequest(rt.t.ctx, rita, gritting);
        // Only the moderation rows need a comment (comments are rate-limited per account).
        const moderating = c.name === 'moderate a comment';
        const comment = moderating
          ? await commentOnRequest(rt.t.ctx, rita, request.id, 'A comment')
          : { id: '' };
        const res = await rt.t.app.inject({
          method: c.method,
          url: c.path(request.id, comment.id),
          headers: headers(who),
          payload: c.payload,
        });
        if (allowed) {
          expect(res.statusCode, res.body).toBe(c.ok);
          return;
        }
        expect(res.statusCode, res.body).toBe(who === 'anonymous' || who === 'expired' ? 401 : 403);
        const after = await rt.t.app.inject(`/api/v1/data-requests/${request.id}`);
        const body = after.json<{
          status: string;
          supporters: number;
          organisation: { slug: string };
          comments: unknown[];
        }>();
        expect(body).toMatchObject({
          status: 'new',
          supporters: 0,
          organisation: { slug: 'bolton' },
        });
        expect(body.comments).toHaveLength(moderating ? 1 : 0);
      });
    }
  }
});
