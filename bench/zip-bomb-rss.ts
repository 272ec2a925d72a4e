// Peak memory of four concurrent .xlsx zip bombs loaded at once (issue 11, item 5). Not part of
// `npm run bench` (it measures memory, not speed): run `npx tsx bench/zip-bomb-rss.ts [kind]`,
// kind one of sheet, strings, styles, row, strings-max (default: all, each in its own process).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDeflateRaw } from 'node:zlib';
import { ingestFile } from '../src/features/datastore/ingest.js';
import { Engine } from '../src/platform/engine/engine.js';
import { minimalXlsx } from '../test/helpers/zip.js';

const GB = 1024 ** 3;
const KINDS = ['sheet', 'strings', 'styles', 'row', 'strings-max'] as const;
type Kind = (typeof KINDS)[number];

/** `head` then `unit` repeated up to `bytes`, deflated as a stream (never held whole). */
async function deflated(head: string, unit: string, bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => {
    out.push(b);
  });
  const done = new Promise((resolve) => {
    deflate.on('end', resolve);
  });
  const block = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  deflate.write(head);
  for (let n = head.length; n < bytes; n += block.length) {
    if (!deflate.write(block)) {
      await new Promise((r) => {
        deflate.once('drain', r);
      });
    }
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

const SHEET_HEAD =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/** About 3 MB that inflates to about 3 GB, each aimed at a different part of the reader. */
async function bomb(kind: Kind): Promise<Buffer> {
  switch (kind) {
    case 'sheet': // the central directory says 100 KB
      return minimalXlsx({ deflated: await deflated(SHEET_HEAD, ' ', 3 * GB), declared: 100_000 });
    case 'strings':
      return minimalXlsx({}, [
        {
          name: 'xl/sharedStrings.xml',
          deflated: await deflated('<sst>', '<si><t>x</t></si>', 3 * GB),
          declared: 100_000,
        },
      ]);
    case 'styles':
      return minimalXlsx({}, [
        {
          name: 'xl/styles.xml',
          deflated: await deflated('<styleSheet><cellXfs>', '<xf numFmtId="0"/>', 3 * GB),
          declared: 100_000,
        },
      ]);
    case 'strings-max': {
      // Not a bomb: shared strings just under their share of the limit (128 MB), random enough
      // to pass the ratio check, all reaching the reader, which keeps them in memory.
      const strings: string[] = ['<sst>'];
      for (let n = 5; n < 100 * 1024 * 1024; n += 27) {
        strings.push(`<si><t>${Math.random().toString(36).slice(2, 12)}</t></si>`);
      }
      strings.push('</sst>');
      const content = Buffer.from(strings.join(''));
      return minimalXlsx({}, [{ name: 'xl/sharedStrings.xml', content }]);
    }
    case 'row': // one endless row of cells
      return minimalXlsx({
        deflated: await deflated(`${SHEET_HEAD}<row r="1">`, '<c><v>1</v></c>', 3 * GB),
        declared: 100_000,
      });
  }
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
/** The process's peak resident memory (VmHWM) in MB. */
const peakMb = () =>
  Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024);

/** Loads the file four times at once in this process and prints its peak memory. */
async function measure(kind: string, file: string): Promise<void> {
  const dir = path.dirname(file);
  const size = (readFileSync(file).length / 1024 / 1024).toFixed(1);
  const engine = await Engine.open({
    allowedDirectories: [dir],
    tempDir: path.join(dir, `engine-${kind}`),
    threads: 2,
    memoryLimit: '1GB',
  });
  const before = rssMb();
  const started = performance.now();
  const results = await Promise.allSettled(
    [1, 2, 3, 4].map((i) =>
      ingestFile({ engine, file, format: 'XLSX', workDir: path.join(dir, `${kind}-w${i}`) }),
    ),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const errors = results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'loaded'));
  console.log(
    `${kind}: ${size} MB file x4 concurrently: peak RSS ${peakMb()} MB (${before} MB at start), ${seconds} s; ${[...new Set(errors)].join(' | ')}`,
  );
}

const [, script, command, ...rest] = process.argv;
if (command === 'measure') {
  await measure(rest[0] ?? '', rest[1] ?? '');
} else {
  // The files are made here and each is measured in a fresh process, so that neither making
  // them nor another kind's run counts in a peak.
  const dir = await mkdtemp(path.join(tmpdir(), 'zip-bomb-'));
  try {
    for (const kind of command ? [command as Kind] : KINDS) {
      const file = path.join(dir, `${kind}.xlsx`);
      await writeFile(file, await bomb(kind));
      execFileSync(process.execPath, [...process.execArgv, script ?? '', 'measure', kind, file], {
        stdio: 'inherit',
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
