import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../src/context.js';
import { rescorePass } from '../../src/features/quality/index.js';
import { int } from './report.js';

/**
 * Scores a freshly generated catalogue's quality before anything is measured: the one-off
 * scoring of every dataset (as after an upgrade) would otherwise run in the background of the
 * measurements, which are of search and harvesting on a catalogue already scored.
 */
export async function catchUpQuality(
  ctx: AppContext,
  log: (line: string) => void,
): Promise<{ datasets: number; seconds: number }> {
  log('scoring the quality of every dataset once…');
  const started = performance.now();
  const datasets = await rescorePass(ctx);
  const seconds = (performance.now() - started) / 1000;
  log(`scored ${int(datasets)} datasets in ${seconds.toFixed(1)} s`);
  return { datasets, seconds };
}
