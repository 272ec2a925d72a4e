import { Type } from 'typebox';
import { DateTime, Nullable } from '../../platform/http/schemas.js';

// GET /api/v1/me/data: everything held about the asker, as personal-data.service.ts builds it.

const Named = Type.Object({ code: Type.String(), name: Type.String() });

const AccountPart = Type.Object({
  account: Type.Object({
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    has_password: Type.Boolean(),
    site_admin: Type.Boolean(),
    created_at: DateTime,
    email_verified_at: Nullable(DateTime),
  }),
  memberships: Type.Array(
    Type.Object({
      organisation: Type.Object({ slug: Type.String(), name: Type.String() }),
      role: Type.String(),
      since: DateTime,
    }),
  ),
  api_tokens: Type.Array(
    Type.Object(
      {
        id: Type.String(),
        name: Type.String(),
        prefix: Type.String(),
        scopes: Type.Array(Type.String()),
        created_at: DateTime,
        expires_at: Nullable(DateTime),
        last_used_at: Nullable(DateTime),
        revoked_at: Nullable(DateTime),
      },
      { description: 'A token’s metadata; its secret is never kept, nor shown' },
    ),
  ),
  sessions: Type.Array(
    Type.Object({ created_at: DateTime, last_seen_at: DateTime, expires_at: DateTime }),
  ),
  sign_in_addresses: Type.Array(Type.Object({ address: Type.String(), last_at: DateTime })),
});

const ReportPart = Type.Object({
  id: Type.String(),
  url: Type.String(),
  category: Named,
  body: Type.Object({ slug: Type.String(), name: Type.String() }),
  state: Type.String(),
  status: Type.String(),
  description: Type.String(),
  address: Nullable(Type.String()),
  latitude: Type.Number(),
  longitude: Type.Number(),
  ward: Nullable(Type.String()),
  answers: Type.Unknown({ description: 'Answers to the category’s questions' }),
  reporter: Type.Object({
    name: Nullable(Type.String()),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    show_name: Type.Boolean(),
    anonymised: Type.Boolean(),
  }),
  source: Type.String(),
  created_at: DateTime,
  confirmed_at: Nullable(DateTime),
  updated_at: DateTime,
  updates: Type.Array(
    Type.Object({
      status: Nullable(Type.String()),
      text: Type.String(),
      source: Type.String(),
      created_at: DateTime,
    }),
  ),
  photos: Type.Array(
    Type.Object({ url: Type.String(), width: Type.Integer(), height: Type.Integer() }),
  ),
});

export const PersonalDataResponse = Type.Object(
  {
    generated_at: DateTime,
    account: Nullable(AccountPart),
    email: Nullable(Type.String({ description: 'For an e-mail-only export: the address' })),
    reports: Type.Array(ReportPart),
    me_too: Type.Array(
      Type.Object({
        report_id: Type.String(),
        report_url: Type.String(),
        email: Type.String(),
        confirmed: Type.Boolean(),
        created_at: DateTime,
      }),
    ),
    updates_written: Type.Array(
      Type.Object({
        report_id: Type.String(),
        status: Nullable(Type.String()),
        text: Type.String(),
        created_at: DateTime,
      }),
    ),
  },
  { description: 'Everything held about you (UK GDPR: your right of access)' },
);
