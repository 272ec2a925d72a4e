import type { Config } from '../../config.js';
import { OutboundPolicy, requestOutbound } from '../../platform/http/outbound.js';
import type { HarvestFetcher } from './harvest-record.js';

/** How harvesters read sources: checked against private addresses and limited (config). */
export function harvestFetcher(config: Config): HarvestFetcher {
  const policy = new OutboundPolicy(config.outboundAllowedPrivate);
  const limits = {
    timeoutMs: config.harvestTimeoutMs,
    maxBytes: config.harvestMaxResponseBytes,
    maxRedirects: config.harvestMaxRedirects,
  };
  return {
    async get(url, accept = 'application/json') {
      const res = await requestOutbound(url, policy, limits, {
        headers: { accept, 'user-agent': 'Metrodata harvester' },
      });
      if (res.status < 200 || res.status >= 300) {
        throw new Error(`${res.url} answered ${res.status}`);
      }
      const type = res.headers['content-type'];
      return {
        url: res.url,
        body: res.body.toString('utf8'),
        contentType: typeof type === 'string' ? type : '',
      };
    },
  };
}
