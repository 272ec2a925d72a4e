// Builds the web pages' static files into build/public: the Sass (GOV.UK Frontend with the
// region's settings), the browser scripts bundled by esbuild, and the images they need.
// Run by `npm run build` (so by `npm start` and `npm install`), and by the tests when missing.
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import * as sass from 'sass';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build', 'public');
const modules = path.join(root, 'node_modules');

export async function buildAssets(): Promise<void> {
  const started = Date.now();
  const staging = `${out}.tmp-${String(process.pid)}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  const css = sass.compile(path.join(root, 'client', 'styles', 'app.scss'), {
    loadPaths: [modules],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
  });
  await writeFile(path.join(staging, 'app.css'), css.css);

  await build({
    entryPoints: {
      app: path.join(root, 'client', 'app.ts'),
      chart: path.join(root, 'client', 'chart.ts'),
      map: path.join(root, 'client', 'map.ts'),
      'report-map': path.join(root, 'client', 'report-map.ts'),
      upload: path.join(root, 'client', 'upload.ts'),
    },
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: 'es2020',
    outdir: staging,
    // Images imported by scripts or their CSS (Leaflet's) are files with hashed names, linked
    // by their URL under /assets.
    loader: { '.png': 'file' },
    assetNames: 'images/[name]-[hash]',
    publicPath: '/assets',
    logLevel: 'warning',
  });
  await cp(
    path.join(modules, 'govuk-frontend', 'dist', 'govuk', 'assets', 'images'),
    path.join(staging, 'images'),
    { recursive: true },
  );
  // Our own favicon: the GOV.UK crown is only for GOV.UK.
  await cp(path.join(root, 'client', 'images'), path.join(staging, 'images'), { recursive: true });

  // Swap in whole, so a server reading the folder never sees half a build.
  await rm(out, { recursive: true, force: true });
  await cp(staging, out, { recursive: true });
  await rm(staging, { recursive: true, force: true });
  console.log(
    `assets built into ${path.relative(root, out)} in ${String(Date.now() - started)} ms`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAssets();
}
