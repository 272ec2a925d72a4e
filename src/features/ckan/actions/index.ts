import { notFound } from '../../../platform/errors.js';
import { str, type CkanAction } from '../ckan-action.js';
import { catalogueActions } from './catalogue/index.js';
import { datastoreActions } from './datastore/index.js';
import { statusActions } from './status.js';
import { writeActions } from './write/index.js';

// Every action this site answers, by name. help_show lives here because it reads the list.

const helpShow: CkanAction = {
  name: 'help_show',
  help: 'Return the help string for a particular API action.\n\n:param name: Action function name (eg `user_create`, `package_search`)\n:type name: string\n:returns: The help string for the action function, or None if the function\n          does not have a docstring.\n:rtype: string',
  run: (call) => {
    const name = str(call, 'name', true);
    const action = ACTIONS.get(name);
    if (!action) throw notFound('Action');
    return Promise.resolve(action.help);
  },
};

const ACTIONS = new Map<string, CkanAction>(
  [helpShow, ...statusActions, ...catalogueActions, ...writeActions, ...datastoreActions].map(
    (a) => [a.name, a],
  ),
);

export const findAction = (name: string): CkanAction | undefined => ACTIONS.get(name);

/** The names of the actions answered, for status_show and the documentation test. */
export const actionNames = (): string[] => [...ACTIONS.keys()].sort();
