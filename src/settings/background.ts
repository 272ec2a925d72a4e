// Background work: jobs, clean-ups, outbound requests, harvesting and link checks.

export const backgroundSettings = {
  blobSweepIntervalS: {
    env: 'BLOB_SWEEP_INTERVAL_S',
    kind: 'integer',
    default: 60,
    doc: 'How often (seconds) the files of deleted resources are removed from the blob store (once across the cluster), and each node sweeps its temporary files.',
  },
  jobPollIntervalMs: {
    env: 'JOB_POLL_INTERVAL_MS',
    kind: 'integer',
    default: 1000,
    doc: 'How often (milliseconds) each server looks for due background jobs (sending reports, refreshing the reports dataset).',
  },
  jobLeaseS: {
    env: 'JOB_LEASE_S',
    kind: 'integer',
    default: 60,
    doc: 'How long (seconds) a node holds a claimed job before another may take it over; renewed every third of it while the job runs.',
  },
  outboundAllowedPrivate: {
    env: 'OUTBOUND_ALLOWED_PRIVATE',
    kind: 'string',
    default: '',
    doc: 'Private, loopback or link-local hosts and networks the harvester and report senders may reach anyway: comma-separated host names, addresses or CIDR ranges.',
  },
  harvestTimeoutMs: {
    env: 'HARVEST_TIMEOUT_MS',
    kind: 'integer',
    default: 30_000,
    doc: 'Time limit of one request of a harvest (a page of a catalogue), redirects included.',
  },
  harvestDownloadTimeoutMs: {
    env: 'HARVEST_DOWNLOAD_TIMEOUT_MS',
    kind: 'integer',
    default: 600_000,
    doc: 'Time limit of downloading one data file of a harvested dataset (load data on), redirects included.',
  },
  harvestMaxResponseBytes: {
    env: 'HARVEST_MAX_RESPONSE_BYTES',
    kind: 'integer',
    default: 50_000_000,
    doc: 'Largest answer a harvest reads from a source in one request.',
  },
  harvestMaxRedirects: {
    env: 'HARVEST_MAX_REDIRECTS',
    kind: 'integer',
    default: 5,
    doc: 'Redirects a harvest request follows (each checked like the first).',
  },
  harvestMaxItems: {
    env: 'HARVEST_MAX_ITEMS',
    kind: 'integer',
    default: 20_000,
    doc: 'Datasets one harvest run takes from a source at most; the rest wait for the next run.',
  },
  qualityLinkCheckIntervalH: {
    env: 'QUALITY_LINK_CHECK_INTERVAL_H',
    kind: 'integer',
    default: 168,
    doc: 'How often (hours) each resource link is checked again for the quality scores; 0 turns the link checker off.',
  },
  qualityLinkTimeoutMs: {
    env: 'QUALITY_LINK_TIMEOUT_MS',
    kind: 'integer',
    default: 15_000,
    doc: 'Time limit of checking one resource link (HEAD, then GET), redirects included.',
  },
} as const;
