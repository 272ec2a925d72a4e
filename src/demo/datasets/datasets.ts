import { COUNCIL_DIGITAL_DATASETS } from './datasets-council-digital.js';
import { COUNCIL_PLACE_DATASETS } from './datasets-council-places.js';
import { COUNCIL_SERVICE_DATASETS } from './datasets-council-services.js';
import { DIGITAL_DATASETS } from './datasets-digital.js';
import { PEOPLE_DATASETS } from './datasets-people.js';
import { PLACE_DATASETS } from './datasets-place.js';
import { PUBLIC_TOILET_DATASETS } from './datasets-public-toilets.js';
import { TRANSPORT_DATASETS } from './datasets-transport.js';
import type { DemoDataset } from './files.js';

/** Every demo dataset, in the order they are created (and so listed by date). */
export const DEMO_DATASETS: readonly DemoDataset[] = [
  ...DIGITAL_DATASETS,
  ...TRANSPORT_DATASETS,
  ...PLACE_DATASETS,
  ...PEOPLE_DATASETS,
  ...COUNCIL_DIGITAL_DATASETS,
  ...COUNCIL_SERVICE_DATASETS,
  ...COUNCIL_PLACE_DATASETS,
  ...PUBLIC_TOILET_DATASETS,
];
