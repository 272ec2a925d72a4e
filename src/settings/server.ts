// The web server: where it listens, what it accepts, how its pages look.

export const serverSettings = {
  host: { env: 'HOST', kind: 'string', default: '0.0.0.0', doc: 'Interface to listen on.' },
  port: { env: 'PORT', kind: 'integer', default: 8080, doc: 'TCP port to listen on.' },
  baseUrl: {
    env: 'BASE_URL',
    kind: 'string',
    default: '',
    doc: 'Public URL of the site, used in links; defaults to http://localhost:PORT.',
  },
  dataDir: {
    env: 'DATA_DIR',
    kind: 'string',
    default: './data',
    doc: 'Folder for the SQLite catalogue and the local blob store.',
  },
  logLevel: {
    env: 'LOG_LEVEL',
    kind: 'string',
    default: 'info',
    doc: 'pino log level: fatal, error, warn, info, debug, trace or silent.',
  },
  maxBodyBytes: {
    env: 'MAX_BODY_BYTES',
    kind: 'integer',
    default: 1_048_576,
    doc: 'Largest JSON request body accepted, in bytes.',
  },
  maxUploadBytes: {
    env: 'MAX_UPLOAD_BYTES',
    kind: 'integer',
    default: 536_870_912,
    doc: 'Largest file upload accepted, in bytes.',
  },
  uploadMaxInflatedBytes: {
    env: 'UPLOAD_MAX_INFLATED_BYTES',
    kind: 'integer',
    default: 1_073_741_824,
    doc: 'Bytes the parts of a zipped upload (an .xlsx workbook) may really inflate to when loaded; its shared strings get an eighth.',
  },
  uploadMaxZipEntries: {
    env: 'UPLOAD_MAX_ZIP_ENTRIES',
    kind: 'integer',
    default: 10_000,
    doc: 'Parts (zip entries) an uploaded .xlsx workbook may have.',
  },
  seedDemo: {
    env: 'SEED_DEMO',
    kind: 'boolean',
    default: true,
    doc: 'Seed the synthetic demo region on first start when the catalogue is empty.',
  },
  trustProxy: {
    env: 'TRUST_PROXY',
    kind: 'boolean',
    default: false,
    doc: 'Trust X-Forwarded-* headers (set behind a reverse proxy).',
  },
  shutdownTimeoutMs: {
    env: 'SHUTDOWN_TIMEOUT_MS',
    kind: 'integer',
    default: 10_000,
    doc: 'How long a graceful stop waits for requests in flight before exiting.',
  },
  brandColour: {
    env: 'BRAND_COLOUR',
    kind: 'string',
    default: '#1d4f91',
    doc: 'The region’s brand colour for the web pages (header, links to home), as #rrggbb.',
  },
  mapTileUrl: {
    env: 'MAP_TILE_URL',
    kind: 'string',
    default: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    doc: 'Leaflet tile URL template for maps; its origin is allowed in the Content-Security-Policy.',
  },
  mapAttribution: {
    env: 'MAP_ATTRIBUTION',
    kind: 'string',
    default: '© OpenStreetMap contributors',
    doc: 'Attribution shown on maps for the tiles of MAP_TILE_URL.',
  },
} as const;
