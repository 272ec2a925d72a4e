import type { AppContext } from '../../../../context.js';
import { formChecker } from '../../../../platform/views/forms/form-check.js';
import {
  DatasetCreateBody,
  DatasetPatchBody,
  DEFAULT_LICENCE,
  FREQUENCIES,
  LICENCES,
  type DatasetPatchInput,
} from '../../../catalog/index.js';
import { allOrganisations, findOrganisation } from '../../../organisations/index.js';
import { bool, ckanValidation, json, str, type CkanCall } from '../../ckan-action.js';
import { ckanInvalid } from '../../ckan-failure.js';
import { ckanFieldErrors } from './ckan-fields.js';
import { EXTRA_KEYS } from '../../ckan-package.js';
import { QUALITY_EXTRA_KEYS } from '../../../quality/index.js';
import { resourceItems, type ResourceItem } from './resource-items.js';

// A CKAN package dict, as package_create, package_patch and package_update receive it, turned
// into the catalogue's dataset input: `name` is the slug, `notes` the description, `owner_org`
// the organisation (its id or name), `private` the visibility, `groups` the themes, the
// maintainer the contact, `url` the source, and the extras this site keeps its own fields in.

export type Mode = 'create' | 'patch' | 'update';

export interface PackageInput {
  /** The slug asked for (package_create's `name`). */
  slug?: string | undefined;
  fields: DatasetPatchInput;
  /** Undefined when `resources` was not sent (the resources are kept). */
  resources?: ResourceItem[] | undefined;
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** CKAN's aliases of licence ids (its default list) for the licences this site offers. */
const LICENCE_ALIASES: Record<string, string> = {
  'uk-ogl': 'OGL-UK-3.0',
  'ogl-uk-3.0': 'OGL-UK-3.0',
  'cc-by': 'CC-BY-4.0',
  'cc-by-sa': 'CC-BY-SA-4.0',
  'cc-zero': 'CC0-1.0',
  'odc-odbl': 'ODbL-1.0',
  'other-open': 'other-open',
  'other-closed': 'other-closed',
};

function licenceOf(value: string): string {
  const lower = value.toLowerCase();
  const found = LICENCES.find((l) => l.id.toLowerCase() === lower)?.id ?? LICENCE_ALIASES[lower];
  if (!found) {
    throw ckanValidation(
      'license_id',
      `Unknown licence; use one of ${LICENCES.map((l) => l.id).join(', ')}`,
    );
  }
  return found;
}

/** The organisation's slug, from its id or its name; CKAN's words when there is none. */
export async function organisationSlug(ctx: AppContext, ownerOrg: string): Promise<string> {
  const bySlug = await findOrganisation(ctx, ownerOrg);
  if (bySlug) return bySlug.slug;
  const byId = (await allOrganisations(ctx)).find((o) => o.id === ownerOrg);
  if (!byId) throw ckanValidation('owner_org', 'Organization does not exist');
  return byId.slug;
}

function checkName(name: string): string {
  if (name.length < 2) throw ckanValidation('name', 'Must be at least 2 characters long');
  if (name.length > 100) throw ckanValidation('name', 'Must be a maximum of 100 characters long');
  if (!NAME.test(name)) {
    throw ckanValidation(
      'name',
      'Must be purely lowercase alphanumeric (ascii) characters and single hyphens between them',
    );
  }
  return name;
}

/** `[{"name": "x"}]` or `["x"]` (or, for tags, CKAN's `tag_string` "x,y"): the names. */
function names(call: CkanCall, field: 'tags' | 'groups'): string[] | undefined {
  const value = json(call, field);
  if (value === undefined) {
    const tagString = field === 'tags' ? str(call, 'tag_string') : undefined;
    return tagString
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  }
  if (!Array.isArray(value)) throw ckanValidation(field, 'Must be a list');
  return value.map((item: unknown) => {
    const name =
      typeof item === 'string'
        ? item
        : typeof item === 'object' && item !== null
          ? ((item as { name?: unknown; id?: unknown }).name ?? (item as { id?: unknown }).id)
          : undefined;
    if (typeof name !== 'string' || name.trim() === '') {
      throw ckanValidation(field, 'Each item needs a "name"');
    }
    return name.trim();
  });
}

type ExtraKey = (typeof EXTRA_KEYS)[number];

/** The extras this site keeps; any other key is refused rather than silently dropped. */
function extras(call: CkanCall): Partial<Record<ExtraKey, string | null>> | undefined {
  const value = json(call, 'extras');
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw ckanValidation('extras', 'Must be a list of {key, value}');
  const out: Partial<Record<ExtraKey, string | null>> = {};
  for (const item of value as unknown[]) {
    const { key, value: v } = (item ?? {}) as { key?: unknown; value?: unknown };
    // The quality scores are computed: a client sending package_show's extras back keeps them.
    if (typeof key === 'string' && (QUALITY_EXTRA_KEYS as readonly string[]).includes(key))
      continue;
    if (typeof key !== 'string' || !(EXTRA_KEYS as readonly string[]).includes(key)) {
      throw ckanValidation(
        'extras',
        `Unsupported extra ${JSON.stringify(key)}: this site keeps ${EXTRA_KEYS.join(', ')}`,
      );
    }
    if (v !== null && typeof v !== 'string') throw ckanValidation('extras', 'Values are text');
    out[key as ExtraKey] = v === '' ? null : v;
  }
  return out;
}

function frequencyOf(value: string | null | undefined) {
  if (value === null || value === undefined) return null;
  const f = FREQUENCIES.find((x) => x === value);
  if (!f) throw ckanValidation('extras', `update_frequency is one of ${FREQUENCIES.join(', ')}`);
  return f;
}

/** Whether the call carries this parameter (a patch changes only those it carries). */
const has = (call: CkanCall, name: string) => call.params[name] !== undefined;

/**
 * The fields package_update clears when they are not sent, as CKAN's does (its package table's
 * "remove if not provided" columns, tags and extras). `private`, `state`, `owner_org`, `groups`
 * and `resources` are kept, as in CKAN: a private dataset never turns public by omission.
 */
const CLEARED: DatasetPatchInput = {
  description: '',
  licence: DEFAULT_LICENCE,
  tags: [],
  update_frequency: null,
  temporal_coverage: null,
  spatial_coverage: null,
  contact: null,
  source_url: null,
};

function applyExtras(fields: DatasetPatchInput, given: Partial<Record<ExtraKey, string | null>>) {
  fields.update_frequency = frequencyOf(given.update_frequency);
  fields.spatial_coverage = given.spatial_coverage ?? null;
  const start = given.temporal_start ?? null;
  const end = given.temporal_end ?? null;
  fields.temporal_coverage = start || end ? { start, end } : null;
}

const createCheck = formChecker(DatasetCreateBody, {}, (e) => e.instancePath || '/');
const patchCheck = formChecker(DatasetPatchBody, {}, (e) => e.instancePath || '/');

/** The dataset input of a CKAN package dict; `currentSlug` names the dataset being changed. */
export async function packageInput(
  call: CkanCall,
  mode: Mode,
  currentSlug?: string,
): Promise<PackageInput> {
  const fields: DatasetPatchInput = mode === 'update' ? { ...CLEARED } : {};
  const name = mode === 'create' ? str(call, 'name', true) : str(call, 'name');
  if (name !== undefined) checkName(name);
  if (mode !== 'create' && name !== undefined && name !== currentSlug) {
    throw ckanValidation('name', 'A dataset keeps its name here: it cannot be renamed');
  }
  const title = str(call, 'title');
  if (title !== undefined) fields.title = title;
  else if (mode !== 'patch') fields.title = name ?? currentSlug ?? '';
  const notes = str(call, 'notes');
  if (notes !== undefined || has(call, 'notes')) fields.description = notes ?? '';
  const ownerOrg = mode === 'create' ? str(call, 'owner_org', true) : str(call, 'owner_org');
  if (ownerOrg !== undefined) fields.organisation = await organisationSlug(call.ctx, ownerOrg);
  const licence = str(call, 'license_id');
  if (licence !== undefined) fields.licence = licenceOf(licence);
  // Only a value changes the visibility: a null or empty `private` leaves it as it is.
  const privacy = call.params.private;
  if (privacy !== undefined && privacy !== null && privacy !== '') {
    fields.visibility = bool(call, 'private', false) ? 'private' : 'public';
  }
  const state = str(call, 'state');
  if (state !== undefined) {
    if (state !== 'active' && state !== 'draft') {
      throw ckanValidation('state', 'Must be active or draft (package_delete deletes)');
    }
    fields.state = state;
  }
  const tags = names(call, 'tags');
  if (tags !== undefined) fields.tags = tags;
  const groups = names(call, 'groups');
  if (groups !== undefined) fields.themes = groups;
  const given = extras(call);
  if (given !== undefined) applyExtras(fields, given);
  if (has(call, 'maintainer') || has(call, 'maintainer_email')) {
    const contactName = str(call, 'maintainer') ?? null;
    const email = str(call, 'maintainer_email') ?? null;
    fields.contact = contactName || email ? { name: contactName, email } : null;
  }
  if (has(call, 'url')) fields.source_url = str(call, 'url') ?? null;
  if (str(call, 'version') !== undefined) {
    throw ckanValidation('version', 'This site keeps no version of a dataset: leave it out');
  }
  const input = mode === 'create' ? { ...fields, slug: name } : fields;
  const errors = (mode === 'create' ? createCheck : patchCheck)(input);
  if (errors.length > 0) {
    throw ckanInvalid(ckanFieldErrors(errors));
  }
  return { slug: name, fields, resources: resourceItems(call) };
}
