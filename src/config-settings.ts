/**
 * Every setting, its environment variable, default and meaning, gathered from one file per area
 * (src/settings/). docs/configuration.md documents each one and config.test.ts fails when a
 * setting is missing from it.
 */
import { accountsSettings } from './settings/accounts.js';
import { backgroundSettings } from './settings/background.js';
import { engineSettings } from './settings/engine.js';
import { participationSettings } from './settings/participation.js';
import { serverSettings } from './settings/server.js';
import { storageSettings } from './settings/storage.js';

export const settings = {
  ...serverSettings,
  ...storageSettings,
  ...engineSettings,
  ...accountsSettings,
  ...backgroundSettings,
  ...participationSettings,
} as const;
