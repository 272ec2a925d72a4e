import { LICENCES } from '../../../catalog/index.js';
import { bool, str, type CkanAction } from '../../ckan-action.js';
import { tagDict } from '../../ckan-words.js';
import { visibleCounts } from './visible-counts.js';

// tag_list and license_list.

const tagList: CkanAction = {
  name: 'tag_list',
  help: "Return a list of the site's tags.\n\nBy default only free tags (tags that don't belong to a vocabulary) are\nreturned; this site has no vocabularies.\n\n:param query: a tag name query to search for, if given only tags whose\n    names contain this string will be returned (optional)\n:type query: string\n:param all_fields: return full tag dictionaries instead of just names\n    (optional, default: ``False``)\n:type all_fields: bool\n\n:rtype: list of dictionaries",
  run: async (call) => {
    const query = (str(call, 'query') ?? '').toLowerCase();
    // Only tags of datasets the caller can see: a private dataset's tags say what it is about.
    const counts = await visibleCounts(call, 'tag');
    const names = [...counts.keys()]
      .filter((t) => t.includes(query))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return bool(call, 'all_fields', false) ? names.map(tagDict) : names;
  },
};

const licenseList: CkanAction = {
  name: 'license_list',
  help: 'Return the list of licenses available for datasets on the site.\n\n:rtype: list of dictionaries',
  run: () =>
    Promise.resolve(
      LICENCES.map((l) => ({
        id: l.id,
        title: l.title,
        url: l.url ?? '',
        status: 'active',
        maintainer: '',
        family: '',
        is_generic: l.id.startsWith('other-'),
        domain_content: true,
        domain_data: true,
        domain_software: false,
        od_conformance: l.open && !l.id.startsWith('other-') ? 'approved' : 'not reviewed',
        osd_conformance: 'not reviewed',
        is_okd_compliant: l.open,
        is_osi_compliant: false,
      })),
    ),
};

export const tagLicenceActions: CkanAction[] = [tagList, licenseList];
