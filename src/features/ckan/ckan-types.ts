import type { DatasetRecord } from '../catalog/index.js';

/** An organisation as the catalogue's records carry it. */
export type Publisher = DatasetRecord['organisation'];
