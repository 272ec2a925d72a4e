// What residents send: citizen reports (and their Open311 sending) and data requests.

export const participationSettings = {
  open311PollIntervalS: {
    env: 'OPEN311_POLL_INTERVAL_S',
    kind: 'integer',
    default: 300,
    doc: 'How often (seconds) the updates of reports sent to bodies by Open311 are read back from their endpoints.',
  },
  reportsDatasetKeepVersions: {
    env: 'REPORTS_DATASET_KEEP_VERSIONS',
    kind: 'integer',
    default: 48,
    doc: 'How many versions of the Citizen reports dataset are kept; older ones (and their files) are removed after each refresh.',
  },
  reportEditMinutes: {
    env: 'REPORT_EDIT_MINUTES',
    kind: 'integer',
    default: 60,
    doc: 'How long after confirming a report its reporter may still edit its description.',
  },
  reportConfirmHours: {
    env: 'REPORT_CONFIRM_HOURS',
    kind: 'integer',
    default: 48,
    doc: 'How long the e-mailed link that confirms a report (or a "me too") works, in hours.',
  },
  dataRequestResponseDays: {
    env: 'DATA_REQUEST_RESPONSE_DAYS',
    kind: 'integer',
    default: 20,
    doc: 'Working days (Monday to Friday) a body has to answer a data request before it is overdue.',
  },
  reportPhotoMaxBytes: {
    env: 'REPORT_PHOTO_MAX_BYTES',
    kind: 'integer',
    default: 10_000_000,
    doc: 'Largest photo a resident may attach to a report, in bytes (each of up to three).',
  },
} as const;
