import { open } from 'node:fs/promises';
import type { Warning } from '../field.js';
import {
  CSV_REJECTS_SQL,
  csvTextRelation,
  csvDirectRelation,
  csvDirectSniffSql,
  type CsvRead,
} from '../sql/read-files.js';
import { nameColumns } from './column-names.js';
import {
  hasQuotedLineBreak,
  parseRecords,
  shortRowWarnings,
  sniffDialect,
  splitHeader,
} from './csv-header.js';
import { transcodeToUtf8 } from './encoding.js';
import { SourceError, type StageOptions, type StagedSource } from './source.js';

const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file (all of it when it is small). */
async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function looksBinary(head: Buffer): boolean {
  if (head.length === 0) return false;
  // UTF-16 text has many NULs too, but starts with a byte order mark.
  if (head[0] === 0xff && head[1] === 0xfe) return false;
  if (head[0] === 0xfe && head[1] === 0xff) return false;
  let control = 0;
  for (const b of head) if (b < 8) control++;
  return control > head.length * 0.01;
}

/** What the header tells us: how DuckDB is to read the file and what the publisher should know. */
interface HeaderPlan {
  read: CsvRead;
  warnings: Warning[];
}

/**
 * DuckDB silently renames blank and repeated headers (`a,a` gives `a`, `a_1`), so the header
 * is parsed here with the dialect DuckDB sniffed, named by the datastore's own rule, and the
 * names passed to DuckDB explicitly; each change becomes a warning in the ingest report.
 */
async function planHeader(options: StageOptions, file: string, tsv: boolean): Promise<HeaderPlan> {
  const dialect = await sniffDialect(options.engine, file, tsv);
  const head = await readHead(file);
  const complete = head.length < HEAD_BYTES;
  const text = new TextDecoder('utf-8').decode(head);
  const records = parseRecords(text, dialect, complete);
  const { header, rows } = splitHeader(records, dialect.skip);
  // DuckDB's parallel reader refuses to pad short rows when quoted fields hold line breaks;
  // a file that quotes at all may have them further down, so such files are read in one pass.
  const parallel = !(
    hasQuotedLineBreak(records) ||
    (!complete && dialect.quote !== '' && text.includes(dialect.quote))
  );
  const read: CsvRead = { delimiter: dialect.delimiter, skip: dialect.skip, parallel };
  const fields = header?.fields ?? [];
  if (!header || fields.length !== dialect.columns) {
    // Our split disagrees with DuckDB's (an unusual dialect): keep DuckDB's names.
    return { read, warnings: [] };
  }
  const { names, warnings } = nameColumns(fields);
  return {
    read: { ...read, names },
    warnings: [...warnings, ...shortRowWarnings(header, rows)],
  };
}

/**
 * CSV and TSV: every column read as text (types are inferred afterwards over the whole
 * column), short rows padded with nulls, and lines with too many fields set aside and reported
 * with their line numbers rather than failing the load.
 */
export async function stageCsv(options: StageOptions): Promise<StagedSource> {
  const head = await readHead(options.file);
  if (head.length === 0) throw new SourceError('The file is empty');
  if (looksBinary(head)) {
    throw new SourceError('The file is not text: it looks like a binary file with a CSV name');
  }
  const { file, encoding, cleanup } = await transcodeToUtf8(options.file, head, options.workDir);
  try {
    const plan = await planHeader(options, file, options.format === 'TSV');
    return {
      relation: csvTextRelation(file, plan.read, true),
      direct: {
        sniff: csvDirectSniffSql(file, plan.read),
        relation: (sniffed) => csvDirectRelation(file, plan.read, sniffed),
      },
      strictRelation: csvTextRelation(file, plan.read, false),
      geometry: false,
      encoding,
      warnings: plan.warnings,
      rejects: CSV_REJECTS_SQL,
      cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
