import type { AppContext } from '../context.js';
import { progressBar } from './progress.js';
import { operatorActor } from '../features/accounts/index.js';
import {
  type IngestReport,
  type Warning,
  importFile,
  type ImportResult,
} from '../features/datastore/index.js';

export interface ImportOptions {
  dataset: string;
  name?: string;
  format?: string;
  resource?: string;
  as?: string;
}

const warningLine = (w: Warning) =>
  `  ${w.line !== undefined && !w.message.startsWith('line ') ? `line ${w.line}: ` : ''}` +
  `${w.field ? `${w.field}: ` : ''}${w.message}`;

/** The ingest report as lines for a terminal: what was loaded, the fields, the warnings. */
export function reportLines({ resource, load, replaced }: ImportResult): string[] {
  const report = JSON.parse(load.report ?? '{}') as Partial<IngestReport>;
  const lines = [
    `${replaced ? 'Replaced the data of' : 'Added'} resource ${resource.id} "${resource.name}" (${resource.format}).`,
  ];
  if (load.status === 'succeeded') {
    const fields = report.fields ?? [];
    lines.push(
      `Loaded ${report.rows ?? 0} rows and ${fields.length} fields as version ${load.version ?? '?'} in ${report.seconds ?? 0} s.`,
      'Fields:',
    );
    const width = Math.max(0, ...fields.map((f) => f.name.length));
    for (const f of fields) {
      lines.push(`  ${f.name.padEnd(width)}  ${f.type}${f.format ? ` (${f.format})` : ''}`);
    }
  }
  const warnings = report.warnings ?? [];
  if (warnings.length > 0)
    lines.push(`Warnings (${warnings.length}):`, ...warnings.map(warningLine));
  return lines;
}

/**
 * `metrodata import`: uploads with a progress bar of the bytes read, loads, then prints the
 * report. A failed load still prints what the report knows, then fails the command.
 */
export async function runImport(
  ctx: AppContext,
  file: string,
  opts: ImportOptions,
  print: (line: string) => void,
): Promise<void> {
  const actor = await operatorActor(ctx, opts.as);
  const bar = progressBar('Uploading');
  let uploading = true;
  const endUpload = () => {
    if (uploading) bar.done();
    uploading = false;
  };
  let result: ImportResult;
  try {
    result = await importFile(ctx, actor, {
      file,
      dataset: opts.dataset,
      name: opts.name,
      format: opts.format,
      resourceId: opts.resource,
      onBytes: (read, size) => {
        bar.update(read, size, 'bytes');
      },
      onStored: (resource) => {
        endUpload();
        process.stderr.write(`Loading ${resource.name} into the datastore...\n`);
      },
    });
  } finally {
    endUpload();
  }
  process.stderr.write(`Load ${result.load.status}.\n`);
  for (const line of reportLines(result)) print(line);
  if (result.load.status !== 'succeeded') {
    throw new Error(result.load.error ?? `The load ${result.load.status}`);
  }
}
