import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// Real HTTP servers on loopback standing for other portals in harvest tests: a proxy in front
// of another Metrodata that records what the harvest asked and was answered (and can refuse
// some requests, as an older portal would), and a server of recorded responses.

export interface Exchange {
  url: string;
  status: number;
  body: string;
}

export interface LoopbackServer {
  origin: string;
  /** Every request's path and query, with the answer, in order. */
  exchanges: Exchange[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

const closer = (server: Server) => () =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => {
      resolve();
    });
  });

/** A refusal the proxy answers instead of forwarding, when `refuse(url)` gives one. */
export interface Refusal {
  status: number;
  contentType: string;
  body: string;
}

/** Forwards GETs to `target`, recording each exchange; `refuse` may answer some itself. */
export async function startRecordingProxy(
  target: string,
  refuse: (url: string) => Refusal | null = () => null,
): Promise<LoopbackServer> {
  const exchanges: Exchange[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const refusal = refuse(url);
    if (refusal) {
      exchanges.push({ url, status: refusal.status, body: refusal.body });
      res.writeHead(refusal.status, { 'content-type': refusal.contentType });
      res.end(refusal.body);
      return;
    }
    const upstream = request(`${target}${url}`, {
      headers: { accept: req.headers.accept ?? '*/*' },
    });
    upstream.on('response', (answer: IncomingMessage) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        exchanges.push({ url, status: answer.statusCode ?? 0, body: body.toString('utf8') });
        res.writeHead(answer.statusCode ?? 502, {
          'content-type': answer.headers['content-type'] ?? 'application/octet-stream',
        });
        res.end(body);
      });
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    upstream.end();
  });
  return { origin: await listen(server), exchanges, close: closer(server) };
}

/** A recorded answer: the file under test/fixtures/harvest/ and its content type. */
export interface Recorded {
  file: string;
  contentType: string;
  status?: number;
}

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'harvest');

/** The text of a recorded response, with `{{origin}}` replaced by the server's own origin. */
export const recordedText = (file: string, origin: string): string =>
  readFileSync(path.join(FIXTURES, file), 'utf8').replaceAll('{{origin}}', origin);

/**
 * Answers each path-and-query in `routes()` with its recorded file (read at each request, so a
 * test may switch routes between runs); anything else is a 404.
 */
export async function startRecordedPortal(
  routes: () => Record<string, Recorded>,
): Promise<LoopbackServer> {
  const exchanges: Exchange[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const answer = routes()[url];
    const status = answer ? (answer.status ?? 200) : 404;
    const body = answer ? recordedText(answer.file, origin) : 'Not found';
    exchanges.push({ url, status, body });
    res.writeHead(status, { 'content-type': answer?.contentType ?? 'text/plain' });
    res.end(body);
  });
  origin = await listen(server);
  return { origin, exchanges, close: closer(server) };
}
