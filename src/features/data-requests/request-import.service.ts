import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { DataRequestStatus, RefusalReason } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { authorise, findUser, type Actor } from '../accounts/index.js';
import { readableDataset } from '../catalog/index.js';
import { findOrganisation } from '../organisations/index.js';
import { findRequestRow, insertRequestRow } from './data-request.repository.js';
import {
  insertComment,
  insertHistoryRow,
  insertSupporter,
  recountSupporters,
} from './request-parts.repository.js';

// Requests from another system with their own history and times (the demo region's): written
// as they were, with ids derived from a key so that seeding twice gives the same rows, and no
// e-mail sent (the answers happened long ago).

export interface ImportedAnswer {
  status: Exclude<DataRequestStatus, 'new'>;
  reason: string;
  at: string;
  target_date?: string;
  dataset?: string;
  refusal_reason?: RefusalReason;
  by?: string;
}

export interface ImportedRequest {
  /** Stable key the ids are derived from. */
  key: string;
  title: string;
  purpose: string;
  organisation: string;
  theme: string | null;
  frequency: string | null;
  created_at: string;
  requester: string;
  answers: ImportedAnswer[];
  supporters: string[];
  comments: { by: string; body: string; at: string }[];
}

/** A UUID-shaped id from a key: the same key, the same id. */
export function derivedId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function userId(ctx: AppContext, email: string): Promise<string | null> {
  return (await findUser(ctx, email))?.id ?? null;
}

/** Writes the requests not there yet; returns how many it wrote. */
export async function importRequests(
  ctx: AppContext,
  actor: Actor,
  requests: readonly ImportedRequest[],
): Promise<number> {
  authorise(actor, { type: 'data-request:import' }, 'Only site administrators import requests');
  let written = 0;
  for (const r of requests) {
    const id = derivedId(r.key);
    if (await findRequestRow(ctx.db.kysely, id)) continue;
    const org = await findOrganisation(ctx, r.organisation);
    if (!org) throw notFound(`Organisation ${r.organisation}`);
    const last = r.answers.at(-1);
    const datasetId = last?.dataset ? (await readableDataset(ctx, actor, last.dataset)).id : null;
    // Every user looked up before the transaction: on SQLite it holds the one connection.
    const emails = [r.requester, ...r.supporters, ...r.comments.map((c) => c.by)];
    emails.push(...r.answers.flatMap((a) => (a.by ? [a.by] : [])));
    const ids = new Map<string, string | null>();
    for (const email of emails) ids.set(email, await userId(ctx, email));
    const idOf = (email: string | undefined) => (email ? (ids.get(email) ?? null) : null);
    const requester = idOf(r.requester);
    await inTransaction(ctx, async (tx) => {
      const db = tx.db.kysely;
      await insertRequestRow(db, {
        id,
        title: r.title,
        purpose: r.purpose,
        organisation_id: org.id,
        theme: r.theme,
        frequency: r.frequency,
        status: last?.status ?? 'new',
        status_reason: last?.reason ?? null,
        target_date: last?.target_date ?? null,
        dataset_id: datasetId,
        refusal_reason: last?.refusal_reason ?? null,
        duplicate_of: null,
        requester_id: requester,
        supporters_count: 0,
        created_at: r.created_at,
        updated_at: last?.at ?? r.created_at,
      });
      let from: DataRequestStatus = 'new';
      for (const [i, a] of r.answers.entries()) {
        await insertHistoryRow(db, {
          id: derivedId(`${r.key}/answer/${String(i)}`),
          request_id: id,
          from_status: from,
          to_status: a.status,
          reason: a.reason,
          target_date: a.target_date ?? null,
          dataset_id: a === last ? datasetId : null,
          refusal_reason: a.refusal_reason ?? null,
          duplicate_of: null,
          actor_id: idOf(a.by),
          created_at: a.at,
        });
        from = a.status;
      }
      for (const email of r.supporters) {
        const supporter = idOf(email);
        if (supporter) await insertSupporter(db, id, supporter, r.created_at);
      }
      await recountSupporters(db, id);
      for (const [i, c] of r.comments.entries()) {
        await insertComment(db, {
          id: derivedId(`${r.key}/comment/${String(i)}`),
          request_id: id,
          author_id: idOf(c.by),
          body: c.body,
          hidden: 0,
          created_at: c.at,
        });
      }
    });
    written++;
  }
  return written;
}
