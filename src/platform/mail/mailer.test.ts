import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from './mailer.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'metrodata-mail-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const FROM = 'Metrodata <no-reply@metrodata.test>';
const message = {
  to: 'editor@bolton.example',
  subject: 'Your sign-in link',
  text: 'Sign in: https://metrodata.test/sign-in/link/abc — it works once.',
};

describe('the outbox mailer (no SMTP_URL)', () => {
  it('writes each message as an .eml file into DATA_DIR/outbox', async () => {
    const mailer = createMailer({ smtpUrl: '', mailFrom: FROM, dataDir });
    expect(mailer.destination).toBe(path.join(dataDir, 'outbox'));
    await mailer.send(message);
    await mailer.send({ ...message, subject: 'Second' });
    mailer.close();
    const names = (await readdir(path.join(dataDir, 'outbox'))).sort();
    expect(names).toHaveLength(2);
    expect(names.every((n) => n.endsWith('.eml'))).toBe(true);
    const eml = await readFile(path.join(dataDir, 'outbox', names[0] ?? ''), 'utf8');
    expect(eml).toMatch(/^From: Metrodata <no-reply@metrodata\.test>$/m);
    expect(eml).toMatch(/^To: editor@bolton\.example$/m);
    expect(eml).toMatch(/^Subject: Your sign-in link$/m);
    expect(eml).toMatch(/^Message-ID: </m);
    expect(eml).toContain('https://metrodata.test/sign-in/link/abc');
  });
});

describe('the SMTP mailer (SMTP_URL set)', () => {
  const received: { from: string; to: string[]; data: string; user: string | undefined }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      // A plain loopback server: no TLS to negotiate, login allowed without it.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 's3cret') {
          callback(null, { user: auth.username });
        } else {
          callback(new Error('Invalid username or password'));
        }
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
            user: session.user as string | undefined,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );

  it('delivers through the server, logged in with the URL’s credentials', async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://mailer:s3cret@127.0.0.1:${port}`,
      mailFrom: FROM,
      dataDir,
    });
    expect(mailer.destination).toBe(`smtp://127.0.0.1:${port}`);
    await mailer.send({ ...message, html: '<p>Sign in</p>' });
    mailer.close();
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.user).toBe('mailer');
    expect(mail?.from).toBe('no-reply@metrodata.test');
    expect(mail?.to).toEqual(['editor@bolton.example']);
    expect(mail?.data).toMatch(/^Subject: Your sign-in link\r?$/m);
    expect(mail?.data).toContain('multipart/alternative');
    expect(mail?.data).toContain('<p>Sign in</p>');
  });

  it('fails loudly when the server refuses the login', async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://mailer:wrong@127.0.0.1:${port}`,
      mailFrom: FROM,
      dataDir,
    });
    await expect(mailer.send(message)).rejects.toThrow(/Invalid username or password/);
    mailer.close();
  });
});
