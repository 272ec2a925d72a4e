import type { HarvestSourceType } from '../../../platform/db/schema.js';
import type { Harvester } from '../harvest-record.js';
import { ckanHarvester } from './ckan.js';
import { datapressHarvester } from './datapress.js';
import { dcatHarvester } from './dcat.js';
import { opendatasoftHarvester } from './opendatasoft.js';
import { socrataHarvester } from './socrata.js';

/** The harvester reading a source of each type. */
const HARVESTERS: Record<HarvestSourceType, Harvester> = {
  ckan: ckanHarvester,
  dcat: dcatHarvester,
  datapress: datapressHarvester,
  opendatasoft: opendatasoftHarvester,
  socrata: socrataHarvester,
};

export const harvesterFor = (type: HarvestSourceType): Harvester => HARVESTERS[type];
