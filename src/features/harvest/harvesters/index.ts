import type { HarvestSourceType } from '../../../platform/db/schema.js';
import type { Harvester } from '../harvest-record.js';
import { ckanHarvester } from './ckan.js';

/** The harvester reading a source of this type. */
const HARVESTERS: Partial<Record<HarvestSourceType, Harvester>> = {
  ckan: ckanHarvester,
};

export function harvesterFor(type: HarvestSourceType): Harvester {
  const harvester = HARVESTERS[type];
  if (!harvester) throw new Error(`Sources of type ${type} cannot be harvested yet`);
  return harvester;
}
