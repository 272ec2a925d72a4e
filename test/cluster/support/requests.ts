import { createWriteStream, openAsBlob } from 'node:fs';
import { once } from 'node:events';
import { request } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClusterNode } from '../../helpers/cluster.js';

// What the cluster tests ask of a node: the API with a token, uploads, and test files.

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export async function api(
  node: ClusterNode,
  token: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<Answer> {
  const res = await fetch(`${node.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Uploads a file to a dataset as a new resource (multipart, streamed from disk). */
export async function upload(
  node: ClusterNode,
  token: string,
  slug: string,
  file: string,
  query = '',
): Promise<Answer> {
  const form = new FormData();
  form.append('file', await openAsBlob(file), path.basename(file));
  const res = await fetch(`${node.url}/api/v1/datasets/${slug}/resources${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export const BOROUGHS = ['Bolton', 'Bury', 'Manchester', 'Oldham', 'Rochdale'];

/** A CSV of `rows` rows: id, borough (in turn), amount. */
export async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('id,borough,amount\n');
  for (let i = 0; i < rows; i++) {
    const line = `${String(i)},${BOROUGHS[i % BOROUGHS.length] ?? ''},${String(i % 1000)}.25\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Uploads `bytes` of CSV to a dataset as a raw multipart stream, calling `midway` once half has
 * been sent (the node is busy with it) and sending the rest after; the node's answer.
 */
export async function uploadWithPause(
  node: ClusterNode,
  token: string,
  slug: string,
  bytes: number,
  midway: () => Promise<void>,
): Promise<Answer> {
  const boundary = 'cluster-boundary-7d1a';
  const req = request(`${node.url}/api/v1/datasets/${slug}/resources`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('end', () => {
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
      });
    });
    req.once('error', reject);
  });
  const write = async (chunk: string) => {
    if (req.write(chunk)) return;
    // Until the node reads on, or answers without reading the rest.
    const ac = new AbortController();
    try {
      await Promise.race([once(req, 'drain', { signal: ac.signal }), answer]);
    } finally {
      ac.abort();
    }
  };
  await write(
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="interrupted.csv"\r\n` +
      'content-type: text/csv\r\n\r\nid,borough,amount\n',
  );
  const line = '123456,Manchester,42.25\n';
  const chunk = line.repeat(Math.ceil(65_536 / line.length));
  let sent = 0;
  let paused = false;
  while (sent < bytes && !req.destroyed) {
    if (!paused && sent >= bytes / 2) {
      paused = true;
      await midway();
    }
    await write(chunk);
    sent += chunk.length;
  }
  if (!req.destroyed) req.end(`\r\n--${boundary}--\r\n`);
  return answer;
}

/** Polls `check` every 100 ms until it gives a value, for at most `ms`; the value or null. */
export async function within<T>(ms: number, check: () => Promise<T | null>): Promise<T | null> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null || Date.now() >= until) return value;
    await sleep(100);
  }
}
