import { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type { ReportPhoto } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { DomainError, validationFailed, type FieldError } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { enforceRateLimit } from '../../platform/rate-limit.js';
import type { MailMessage, Mailer } from '../../platform/mail/mailer.js';
import type { Actor } from '../accounts/index.js';
import { processPhotos, type PhotoUpload } from './photo.service.js';
import { insertPhotoRow } from './report-parts.repository.js';
import { createReport, type CreatedReport, type ReportInput } from './report.service.js';

// The web form's report: its photos checked and made safe first, then the report and its
// photos saved as one (the rows in one transaction, the files before it commits). Either all of
// it is there, or none: a failure deletes the files already stored, rolls the rows back, and
// the confirmation e-mail, held until the commit, is never sent for a report that is not there.

export interface SubmitInput extends ReportInput {
  photos: readonly PhotoUpload[];
}

export interface SubmittedReport extends CreatedReport {
  photos: ReportPhoto[];
}

/** A mailer that keeps what it is given until `flush()`: mail only after the commit. */
function heldMail(mailer: Mailer): Mailer & { flush(): Promise<void> } {
  const held: MailMessage[] = [];
  return {
    destination: mailer.destination,
    send: (message) => {
      held.push(message);
      return Promise.resolve();
    },
    close: () => undefined,
    async flush() {
      for (const message of held.splice(0)) await mailer.send(message);
    },
  };
}

const fieldErrorsOf = (err: unknown): FieldError[] | null =>
  err instanceof DomainError && err.kind === 'validation' && Array.isArray(err.details)
    ? (err.details as FieldError[])
    : null;

/** The blob key of a report's photo (always a JPEG once processed). */
export const photoKey = (reportId: string, photoId: string) => `reports/${reportId}/${photoId}.jpg`;

/**
 * Makes a report from the web form with up to three photos. Every problem, the photos' and
 * the report's, is reported at once as field errors.
 */
export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  input: SubmitInput,
): Promise<SubmittedReport> {
  // Counted outside the transaction, before the photos cost any work: failed attempts count
  // too (createReport's own limits roll back with a failed submission).
  await enforceRateLimit(
    ctx.db,
    { key: `report-attempt:address:${input.clientAddress}`, limit: 60, windowS: 3600 },
    'Too many attempts to report from this address; try again in an hour',
  );
  const { photos, errors: photoErrors } = await processPhotos(
    input.photos,
    ctx.config.reportPhotoMaxBytes,
  );
  const mail = heldMail(ctx.mailer);
  const stored: string[] = [];
  let submitted: SubmittedReport;
  try {
    submitted = await inTransaction({ ...ctx, mailer: mail }, async (tx) => {
      let created: CreatedReport | null = null;
      const errors = [...photoErrors];
      try {
        created = await createReport(tx, actor, input);
      } catch (err) {
        const fields = fieldErrorsOf(err);
        if (!fields) throw err;
        errors.push(...fields);
      }
      // Nothing is kept while anything is wrong: the transaction rolls back.
      if (errors.length > 0 || !created) throw validationFailed(errors);
      const rows: ReportPhoto[] = [];
      for (const [position, photo] of photos.entries()) {
        const id = newId();
        const key = photoKey(created.report.id, id);
        const blob = await ctx.blobs.put(key, Readable.from([photo.jpeg]));
        stored.push(key);
        const row: ReportPhoto = {
          id,
          report_id: created.report.id,
          blob_key: key,
          content_type: 'image/jpeg',
          width: photo.width,
          height: photo.height,
          bytes: blob.size,
          position,
          hidden: 0,
          created_at: now(),
        };
        await insertPhotoRow(tx.db.kysely, row);
        rows.push(row);
      }
      return { ...created, photos: rows };
    });
  } catch (err) {
    await Promise.all(stored.map((key) => ctx.blobs.delete(key).catch(() => undefined)));
    throw err;
  }
  await mail.flush();
  return submitted;
}
