import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Where replies go instead of MAIL_FROM (a report's reporter, for the body answering it). */
  replyTo?: string;
}

/** Sends e-mail. Services call `send()` and never know whether it went by SMTP or to a file. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Where mail goes, for logs and the operator: `smtp://host:port` or the outbox folder. */
  readonly destination: string;
  close(): void;
}

export type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>;

/** The outbox of an install without SMTP: one `.eml` file per message. */
export const outboxDir = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'outbox');

/** Where an SMTP URL points, without its credentials (for logs). */
function smtpDestination(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

/** SMTP_URL set: nodemailer's SMTP transport, which reads host, port, TLS and login from it. */
function smtpMailer(config: MailConfig): Mailer {
  const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    destination: smtpDestination(config.smtpUrl),
    async send(message) {
      await transport.sendMail({ from: config.mailFrom, ...message });
    },
    close: () => {
      transport.close();
    },
  };
}

/**
 * No SMTP: each message is written as an RFC 5322 `.eml` file into DATA_DIR/outbox, which any
 * mail client opens. Written under a temporary name and renamed, so a reader never sees half.
 */
function outboxMailer(config: MailConfig): Mailer {
  const dir = outboxDir(config);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    destination: dir,
    async send(message) {
      const info = await transport.sendMail({ from: config.mailFrom, ...message });
      await mkdir(dir, { recursive: true });
      // Sortable by time, unique across nodes sharing the folder.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
      const tmp = path.join(dir, `.${name}.tmp`);
      await writeFile(tmp, info.message as Buffer);
      await rename(tmp, path.join(dir, `${name}.eml`));
    },
    close: () => {
      transport.close();
    },
  };
}

export function createMailer(config: MailConfig): Mailer {
  return config.smtpUrl ? smtpMailer(config) : outboxMailer(config);
}
