import type { AppContext } from '../../../../context.js';
import type { Actor } from '../../../accounts/index.js';
import {
  addFileResource,
  addLinkResource,
  deleteResource,
  patchResource,
  readableResource,
  resourceView,
} from '../../../catalog/index.js';
import { datastoreResourceData, replaceData } from '../../../datastore/index.js';
import { bool, str, type CkanAction, type CkanCall } from '../../ckan-action.js';
import { ckanInvalid } from '../../ckan-failure.js';
import { inCkanWords } from './ckan-fields.js';
import { showPackage } from '../../ckan-package.js';
import { catalogExtensions, requireUser, slugOf } from './package-write.js';
import { linkName, resourceErrors, type ResourceItem } from './resource-items.js';
import { readCkanUpload, type CkanUpload } from './upload-parts.js';

// resource_create (a link by `url`, or a file in the multipart field `upload`), resource_patch
// and resource_delete. An uploaded table is loaded into the datastore before the answer, as
// /api/v1's `?wait=true` does, so the client can query it as soon as it has the answer.

/** A resource as CKAN's resource dict, from its dataset's package dict. */
async function resourceAnswerOf(ctx: AppContext, actor: Actor, id: string) {
  const { dataset } = await readableResource(ctx, actor, id);
  const pkg = await showPackage(ctx, actor, dataset.slug);
  const found = pkg.resources.find((r) => r.id === id);
  if (!found) throw new Error(`Resource ${id} vanished`);
  return found;
}

/** The parameters of a JSON call, or the text fields of a multipart one. */
async function paramsAndFile(call: CkanCall): Promise<{ params: CkanCall; upload: CkanUpload }> {
  if (!call.request.isMultipart()) return { params: call, upload: { fields: {}, file: null } };
  requireUser(call.actor);
  const upload = await readCkanUpload(call.request);
  return { params: { ...call, params: upload.fields }, upload };
}

function itemOf(call: CkanCall): ResourceItem {
  return {
    name: str(call, 'name'),
    description: str(call, 'description'),
    format: str(call, 'format'),
    url: str(call, 'url'),
  };
}

const loadOutcome = (load: unknown) => {
  const l = load as { status?: string; error?: string | null } | null;
  return l ? { datastore_load: { status: l.status ?? null, error: l.error ?? null } } : {};
};

const resourceCreate: CkanAction = {
  name: 'resource_create',
  post: true,
  help:
    'Append a new resource to a dataset: a link by `url`, or a file uploaded as ' +
    'multipart/form-data in the field `upload` (text fields first). A CSV, spreadsheet or ' +
    'geographic file is loaded into the datastore before the answer (`datastore_active`).\n\n' +
    ':param package_id: the id or name of the dataset\n:param url: a link\n' +
    ':param upload: a file\n:param name, description, format: about it\n' +
    ':returns: the newly created resource\n:rtype: dictionary',
  run: async (call) => {
    requireUser(call.actor);
    const { params, upload } = await paramsAndFile(call);
    const slug = await slugOf(params, 'package_id');
    const item = itemOf(params);
    const { ctx, actor } = call;
    if (!upload.file) {
      const errors = resourceErrors(item, true);
      if (Object.keys(errors).length > 0) throw ckanInvalid(errors);
      const link = await inCkanWords(() =>
        addLinkResource(ctx, actor, slug, {
          name: linkName(item),
          url: item.url ?? '',
          ...(item.format ? { format: item.format } : {}),
          ...(item.description ? { description: item.description } : {}),
        }),
      );
      return resourceAnswerOf(ctx, actor, link.id);
    }
    const file = upload.file;
    const { staged, id } = await inCkanWords(() =>
      addFileResource(
        ctx,
        actor,
        slug,
        {
          fileName: file.filename,
          stream: file.file,
          name: item.name,
          format: item.format,
          description: item.description,
          truncated: () => file.file.truncated,
        },
        datastoreResourceData.holds,
      ),
    );
    const load = await datastoreResourceData.fileAdded(ctx, actor, id, staged, true);
    return { ...(await resourceAnswerOf(ctx, actor, id)), ...loadOutcome(load) };
  },
};

/**
 * resource_patch and resource_update: a new file in `upload` replaces the data (loaded before the
 * answer); `replace` (resource_update) clears the description when it is not given, as CKAN's
 * update replaces the whole resource (a resource keeps its name and format, which it must have).
 */
async function changeResource(call: CkanCall, replace: boolean) {
  requireUser(call.actor);
  const { params, upload } = await paramsAndFile(call);
  const id = str(params, 'id', true);
  const { ctx, actor } = call;
  const { resource } = await readableResource(ctx, actor, id);
  const item = itemOf(params);
  if (replace) item.description ??= '';
  const errors = resourceErrors(item, false);
  if (Object.keys(errors).length > 0) throw ckanInvalid(errors);
  let load: unknown = null;
  if (upload.file) {
    const file = upload.file;
    ({ load } = await inCkanWords(() =>
      replaceData(
        ctx,
        actor,
        id,
        { fileName: file.filename, stream: file.file, truncated: () => file.file.truncated },
        true,
      ),
    ));
  }
  const current = resourceView(resource, ctx.config.baseUrl);
  await inCkanWords(() =>
    patchResource(ctx, actor, id, {
      ...item,
      // A file's address is its download link: sent back unchanged, it is no change.
      url: item.url === current.url || upload.file ? undefined : item.url,
    }),
  );
  return { ...(await resourceAnswerOf(ctx, actor, id)), ...loadOutcome(load) };
}

const resourcePatch: CkanAction = {
  name: 'resource_patch',
  post: true,
  help:
    'Patch a resource: only the fields given change; a new file in `upload` (multipart) ' +
    'replaces its data and is loaded before the answer.\n\n' +
    ':param id: the id of the resource\n:param name, description, format, url: about it\n' +
    ':returns: the patched resource\n:rtype: dictionary',
  run: (call) => changeResource(call, false),
};

const resourceUpdate: CkanAction = {
  name: 'resource_update',
  post: true,
  help:
    'Update a resource: its details are replaced by those given (a description not given is ' +
    'cleared); a new file in `upload` (multipart) replaces its data and is loaded before the ' +
    'answer.\n\n' +
    ':param id: the id of the resource\n:param name, description, format, url: about it\n' +
    ':returns: the updated resource\n:rtype: dictionary',
  run: (call) => changeResource(call, true),
};

const resourceDelete: CkanAction = {
  name: 'resource_delete',
  post: true,
  help:
    'Delete a resource, its file and its data in the datastore, for good. When an indicator ' +
    'is built on it the answer is a 409 naming it, unless `force` is true.\n\n' +
    ':param id: the id of the resource\n:param force: delete even so (default false)\n',
  run: async (call) => {
    requireUser(call.actor);
    const id = str(call, 'id', true);
    await deleteResource(call.ctx, call.actor, id, catalogExtensions, {
      force: bool(call, 'force', false),
    });
    return null;
  },
};

export const resourceActions: CkanAction[] = [
  resourceCreate,
  resourcePatch,
  resourceUpdate,
  resourceDelete,
];
