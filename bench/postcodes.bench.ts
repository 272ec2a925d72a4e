import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { importPostcodes } from '../src/features/places/index.js';
import type { Benchmark } from './lib/benchmark.js';
import { createBenchContext } from './lib/bench-context.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { int, writeSection } from './lib/report.js';

const DOCS = fileURLToPath(new URL('../docs/performance.md', import.meta.url));

// A national ONSPD file is 2.7M rows of ~55 columns; this writes rows of the same width (the
// importer parses every field of a line) and times `importPostcodes` on them, in one transaction
// as the CLI does. Set BENCH_POSTCODE_ROWS for another size.
const ROWS = Number(process.env.BENCH_POSTCODE_ROWS ?? 500_000);
const FILLER = Array.from({ length: 45 }, (_, i) => `"E0${String(i).padStart(7, '0')}"`).join(',');

async function writeOnspd(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(
    `pcd,pcd2,pcds,dointr,doterm,oslaua,osward,${FILLER.replace(/"/g, '').replace(/E0/g, 'x')},lat,long\n`,
  );
  const L = 'ABDEFGHJLNPQRSTUWXYZ';
  const AREAS = ['M', 'BL', 'OL', 'SK', 'WN'];
  for (let i = 0; i < rows; i++) {
    // 396,000 distinct per area letter, so every row is a new postcode up to 1.98M rows.
    const area = AREAS[Math.floor(i / 396_000) % AREAS.length] ?? 'M';
    const pc = `${area}${(i % 99) + 1} ${Math.floor(i / 99) % 10}${L[Math.floor(i / 990) % 20] ?? 'A'}${L[Math.floor(i / 19_800) % 20] ?? 'A'}`;
    const lat = (53.3 + (i % 1000) / 2500).toFixed(6);
    const long = (-2.7 + (i % 997) / 1200).toFixed(6);
    const doterm = i % 5 === 0 ? '200901' : '';
    await write(
      `"${pc}","${pc}","${pc}","198001","${doterm}","E08000003","E05011368",${FILLER},${lat},${long}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}

export const postcodesBenchmark: Benchmark = {
  name: 'postcodes',
  description: `metrodata postcodes import of ${int(ROWS)} ONSPD-width rows`,
  async run() {
    const bench = await createBenchContext('postcodes');
    try {
      const file = path.join(bench.ctx.config.dataDir, 'onspd.csv');
      await writeOnspd(file, ROWS);
      const mb = (await stat(file)).size / 1e6;
      const first = await importPostcodes(bench.ctx, file);
      const again = await importPostcodes(bench.ctx, file, { replace: true });
      const line = (label: string, r: typeof first) =>
        `${label}: ${int(r.imported)} postcodes in ${r.seconds} s, ${int(r.rowsPerSecond)} rows/s, ` +
        `${(mb / r.seconds).toFixed(1)} MB/s`;
      const lines = [line('into an empty table', first), line('again with --replace', again)];
      for (const l of lines) console.log(l);
      await writeSection(
        DOCS,
        `postcodes-${bench.ctx.db.dialect}`,
        [
          `### Postcode import (${bench.database})`,
          '',
          `${machineLine(describeMachine())}, ${new Date().toISOString().slice(0, 16)}Z. ` +
            `${int(ROWS)} rows, ${mb.toFixed(0)} MB (ONSPD width), \`npm run bench -- postcodes\`:`,
          '',
          ...lines.map((l) => `- ${l}`),
          '',
          `At this rate the national file (2.7M rows, ~1 GB) takes about ` +
            `${Math.round(2_700_000 / first.rowsPerSecond)} s.`,
        ].join('\n'),
      );
      return lines;
    } finally {
      await bench.cleanup();
    }
  },
};
