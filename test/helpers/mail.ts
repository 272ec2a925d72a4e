import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../src/context.js';
import { outboxDir } from '../../src/platform/mail/mailer.js';

/** The messages in the test install's outbox (DATA_DIR/outbox), oldest first, as raw text. */
export async function readOutbox(ctx: AppContext): Promise<string[]> {
  const dir = outboxDir(ctx.config);
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8')));
}

/** A message's body decoded from quoted-printable, with soft line breaks joined. */
export function decodedBody(eml: string): string {
  return eml
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
