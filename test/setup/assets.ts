// Pages link to /assets/*; build them once if a fresh clone has not run `npm run build` yet.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildAssets } from '../../scripts/build-assets.js';

export async function setup(): Promise<void> {
  if (!existsSync(path.resolve('build/public/app.css'))) await buildAssets();
}
