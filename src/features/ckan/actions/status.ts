import { regionName } from '../../region/index.js';
import type { CkanAction } from '../ckan-action.js';

// The site's own description: what CKAN clients ask first to learn what they are talking to.

/** The CKAN release whose Action API this answers like. */
export const CKAN_VERSION = '2.11.0';

const statusShow: CkanAction = {
  name: 'status_show',
  help: "Return a dictionary with information about the site's configuration.\n\n:rtype: dictionary",
  run: async ({ ctx }) => {
    const title = await regionName(ctx);
    return {
      site_title: title,
      site_description: `The open data of ${title}`,
      site_url: ctx.config.baseUrl,
      ckan_version: CKAN_VERSION,
      error_emails_to: null,
      locale_default: 'en_GB',
      extensions: [
        'datastore',
        'dcat',
        'activity',
        ...(ctx.config.sqlEnabled ? ['datastore_search_sql'] : []),
        'metrodata',
      ],
    };
  },
};

const siteRead: CkanAction = {
  name: 'site_read',
  help: 'Return ``True``.\n\n:rtype: bool',
  run: () => Promise.resolve(true),
};

export const statusActions: CkanAction[] = [statusShow, siteRead];
