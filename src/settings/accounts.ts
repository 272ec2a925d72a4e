// Accounts: signing in, sessions, API tokens and the mail that goes with them.

export const accountsSettings = {
  tokenLastUsedIntervalS: {
    env: 'TOKEN_LAST_USED_INTERVAL_S',
    kind: 'integer',
    default: 60,
    doc: 'How often (seconds) an API token’s last-used time is written, at most.',
  },
  smtpUrl: {
    env: 'SMTP_URL',
    kind: 'string',
    default: '',
    doc: 'SMTP server for outgoing mail, e.g. smtp://user:pass@host:587. Empty: .eml files in DATA_DIR/outbox.',
  },
  mailFrom: {
    env: 'MAIL_FROM',
    kind: 'string',
    default: 'Metrodata <no-reply@localhost>',
    doc: 'The From address of outgoing mail.',
  },
  signInLinkTtlMinutes: {
    env: 'SIGN_IN_LINK_TTL_MINUTES',
    kind: 'integer',
    default: 15,
    doc: 'How long an e-mailed sign-in link works (it works once), in minutes.',
  },
  signUpLinkHours: {
    env: 'SIGN_UP_LINK_HOURS',
    kind: 'integer',
    default: 24,
    doc: 'How long the link e-mailed to confirm a new account works (it works once), in hours.',
  },
  sessionSecret: {
    env: 'SESSION_SECRET',
    kind: 'string',
    default: '',
    doc: 'Secret signing the CSRF cookie. Empty: one is generated once and kept in the database.',
  },
  sessionTtlHours: {
    env: 'SESSION_TTL_HOURS',
    kind: 'integer',
    default: 12,
    doc: 'How long a publisher stays signed in without activity, in hours.',
  },
} as const;
