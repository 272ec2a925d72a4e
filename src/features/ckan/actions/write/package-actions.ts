import { createDataset, deleteDataset } from '../../../catalog/index.js';
import type { CkanAction } from '../../ckan-action.js';
import { inCkanWords } from './ckan-fields.js';
import { showPackage } from '../../ckan-package.js';
import { packageInput } from './package-input.js';
import { addLinks, changePackage, requireUser, writablePackage } from './package-write.js';

// package_create, package_patch, package_update and package_delete over the catalogue's
// dataset services: the same policy, the same checks, the same activity log as /api/v1.

const packageCreate: CkanAction = {
  name: 'package_create',
  post: true,
  help:
    'Create a new dataset (package).\n\n' +
    ':param name: the name of the new dataset, 2-100 lowercase letters, digits and hyphens\n' +
    ':param title: the title (default: the name)\n:param notes: a description (Markdown)\n' +
    ':param owner_org: the id or name of the organization\n' +
    ':param private: true for a dataset only its organization sees (default false)\n' +
    ':param license_id: one of the license_list ids\n:param tags: a list of {"name": ...}\n' +
    ':param groups: a list of {"name": ...}: the themes\n' +
    ':param extras: a list of {"key", "value"}: update_frequency, spatial_coverage, temporal_start, temporal_end\n' +
    ':param maintainer, maintainer_email: the contact\n:param url: the source\n' +
    ':param resources: links, each {"url", "name", "description", "format"}\n' +
    ':param state: active (default) or draft\n' +
    ':returns: the newly created dataset\n:rtype: dictionary',
  run: async (call) => {
    requireUser(call.actor);
    const { slug, fields, resources } = await packageInput(call, 'create');
    const created = await inCkanWords(() =>
      createDataset(call.ctx, call.actor, {
        ...fields,
        title: fields.title ?? slug ?? '',
        organisation: fields.organisation ?? '',
        slug,
      }),
    );
    await addLinks(call, created.slug, resources ?? []);
    return showPackage(call.ctx, call.actor, created.slug);
  },
};

const packagePatch: CkanAction = {
  name: 'package_patch',
  post: true,
  help:
    'Patch a dataset (package): only the fields given change.\n\n' +
    ':param id: the id or name of the dataset\n\n' +
    'The fields are those of package_create. `resources`, when given, replaces the list.\n' +
    ':returns: the patched dataset\n:rtype: dictionary',
  run: async (call) => {
    const slug = await writablePackage(call);
    await changePackage(call, slug, await packageInput(call, 'patch', slug));
    return showPackage(call.ctx, call.actor, slug);
  },
};

const packageUpdate: CkanAction = {
  name: 'package_update',
  post: true,
  help:
    'Update a dataset (package): fields not given are cleared, as in CKAN (send back what ' +
    'package_show gave, changed). Resources not listed are deleted when `resources` is given; ' +
    'without `resources` they are kept.\n\n' +
    ':param id: the id or name of the dataset\n' +
    ':returns: the updated dataset\n:rtype: dictionary',
  run: async (call) => {
    const slug = await writablePackage(call);
    await changePackage(call, slug, await packageInput(call, 'update', slug));
    return showPackage(call.ctx, call.actor, slug);
  },
};

const packageDelete: CkanAction = {
  name: 'package_delete',
  post: true,
  help:
    'Delete a dataset (package): it is marked deleted and can be restored by its publishers.\n\n' +
    ':param id: the id or name of the dataset\n',
  run: async (call) => {
    const slug = await writablePackage(call);
    await deleteDataset(call.ctx, call.actor, slug);
    return null;
  },
};

export const packageActions: CkanAction[] = [
  packageCreate,
  packagePatch,
  packageUpdate,
  packageDelete,
];
