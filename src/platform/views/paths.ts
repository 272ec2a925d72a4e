import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder, the same whether running from src/ (tsx, tests) or dist/ (npm start). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Templates are read from src/ in both cases, so the build does not copy them. */
export const templateRoot = path.join(projectRoot, 'src');

/** Built by scripts/build-assets.ts. */
export const publicDir = path.join(projectRoot, 'build', 'public');

export const govukFrontendDir = path.join(projectRoot, 'node_modules', 'govuk-frontend', 'dist');
