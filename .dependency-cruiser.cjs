// The architecture's import rules, checked by `npm run lint` (docs/architecture.md draws them).
// A feature offers the others only its index.ts; features depend on each other in one direction,
// lowest first below; platform/ imports no feature; no feature knows the demo exists.

/** Each feature may import the ones before it (through their index.ts), never one after it. */
const LAYERS = [
  'accounts',
  'jobs',
  'region',
  'catalog',
  'organisations',
  'areas',
  'places',
  'datastore',
  'sql',
  'indicators',
  'promises',
  'reports',
  'showcases',
  'open311',
  'quality',
  'publish',
  'dcat',
  'discovery',
  'ckan',
  'harvest',
  'rollups',
  'challenges',
  'data-requests',
  'get-involved',
];

const directionRules = LAYERS.slice(0, -1).map((feature, i) => ({
  name: `${feature}-depends-downwards`,
  comment: `${feature} may import only features listed before it in LAYERS`,
  severity: 'error',
  from: { path: `^src/features/${feature}/` },
  to: { path: `^src/features/(${LAYERS.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'feature-through-index',
      comment: "Another feature's files are private: import its index.ts only",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: {
        path: '^src/features/([^/]+)/',
        pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'outside-through-index',
      comment: 'The app, the CLI and the demo use a feature through its index.ts only',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/features/' },
      to: { path: '^src/features/[^/]+/', pathNot: '^src/features/[^/]+/index\\.ts$' },
    },
    {
      name: 'platform-knows-no-feature',
      comment: 'platform/ is what every feature stands on; it imports none of them',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(features|demo|cli)/|^src/(app|server|bootstrap|main)\\.ts$' },
    },
    {
      name: 'no-feature-knows-the-demo',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/demo/' },
    },
    {
      name: 'ops-stands-alone',
      comment: 'Probes and metrics must work whatever the features do',
      severity: 'error',
      from: { path: '^src/features/ops/' },
      to: { path: '^src/features/(?!ops/)' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...directionRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
