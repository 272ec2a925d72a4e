import { Type } from 'typebox';
import { DateTime, Nullable, Text } from '../../platform/http/schemas.js';
import { SCOPES } from './actor.js';

/** An API token as its owner sees it: never its secret. */
export const TokenSchema = Type.Object({
  id: Text,
  name: Text,
  prefix: Type.String({ description: 'the first characters, to recognise it by' }),
  scopes: Type.Array(Text),
  created_at: DateTime,
  expires_at: Nullable(DateTime),
  last_used_at: Nullable(DateTime),
  revoked_at: Nullable(DateTime),
});

/** A new token: the secret is in this answer only. */
export const CreatedTokenSchema = Type.Object({ ...TokenSchema.properties, token: Type.String() });

export const TokenCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(Type.Unsafe<string>({ type: 'string', enum: [...SCOPES] }), {
      minItems: 1,
      uniqueItems: true,
    }),
    expires_in_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
