import type { Kysely } from 'kysely';

// Kysely migrations take an untyped database: the schema is being created here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;
