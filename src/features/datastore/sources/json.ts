import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { JsonRecordScanner, parseExact } from './json-scan.js';
import { RecordWriter } from './record-writer.js';
import { readParquet } from '../sql/read-files.js';
import { SourceError, type StageOptions, type StagedSource } from './source.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

async function readStart(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** NDJSON: one record a line; the first bad line is reported by its number. */
async function writeLines(file: string, writer: RecordWriter): Promise<void> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = (n === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = parseExact(line);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      const hint =
        n === 1 && line.startsWith('[') ? ' (it looks like a JSON array: upload it as JSON)' : '';
      throw new SourceError(`Line ${n} is not valid JSON${hint}: ${why}`);
    }
    if (!isObject(value)) {
      throw new SourceError(`Line ${n} is not a JSON object: each line must be one record {...}`);
    }
    await writer.write(value);
  }
}

/** JSON: a top-level array of objects, streamed record by record. */
async function writeArray(file: string, writer: RecordWriter): Promise<void> {
  const start = await readStart(file);
  const object = /"type"\s*:\s*"(FeatureCollection|Feature)"/.test(start)
    ? 'The file is GeoJSON, not an array of records: upload it as GeoJSON'
    : 'The file is one JSON object, not an array of records [{...}, {...}] (if it has one record a line, upload it as NDJSON)';
  const scanner = new JsonRecordScanner(null, { object });
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    for (const record of scanner.push(chunk as string)) await writer.write(record as object);
  }
  scanner.end();
}

/**
 * JSON (an array of objects) and NDJSON (one object a line), checked and rewritten in Node as
 * NDJSON with nested values as JSON text and explicit columns, so a bad file gets a clear
 * message (with its line or record number) instead of a DuckDB parse error mid-load.
 */
export async function stageJson(options: StageOptions): Promise<StagedSource> {
  if ((await stat(options.file)).size === 0) throw new SourceError('The file is empty');
  const out = path.join(options.workDir, 'records.ndjson');
  const cleanup = () => rm(out, { force: true });
  const writer = new RecordWriter(out);
  try {
    if (options.format === 'NDJSON') await writeLines(options.file, writer);
    else await writeArray(options.file, writer);
    if (writer.records === 0) {
      throw new SourceError(
        options.format === 'NDJSON' ? 'The file is empty' : 'The JSON array has no records',
      );
    }
    await writer.close();
    return { relation: writer.relation(), geometry: false, warnings: writer.warnings, cleanup };
  } catch (err) {
    writer.abort();
    await cleanup();
    throw err;
  }
}

export function stageParquet(options: StageOptions): Promise<StagedSource> {
  return Promise.resolve({
    relation: readParquet(options.file),
    geometry: false,
    warnings: [],
    cleanup: () => Promise.resolve(),
  });
}
