/**
 * Every setting of the service, one row each: its variable, the parser that checks it, its default
 * and what it means. The `Config` type, the loader and the table of docs/configuration.md are
 * derived from this table (`load.ts`, `docs-table.ts`); adding a setting is adding a row here.
 * The keys are the configuration's field names; a nested object is a nested group (`webhooks`).
 */
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DurationOverrides } from './durations.js';
import { baseUrl, boolean, cidr, host, instant, integer, list, oneOf, optional, portNumber, secret, text, url, wordOr } from './parsers.js';
import { derived, setting } from './setting.js';

/** SQLite's `synchronous` pragma values; the SQLite adapter takes the one the configuration gives. */
export const SQLITE_SYNCHRONOUS_MODES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The secret used when MRA_KEY_SECRET is unset: fine for the demo, never for real keys. */
export const DEVELOPMENT_KEY_SECRET = 'mra-engine-development-secret-do-not-use-in-production';

/** How often a background worker looks for work: from 10 ms to an hour. */
const interval = integer(10, 3_600_000);

const port = setting({ variable: 'PORT', parse: portNumber, default: 3000, meaning: 'HTTP port' });
/** The largest file: the request limit's default follows it. */
const uploadMaxBytes = setting({
  variable: 'MRA_UPLOAD_MAX_BYTES',
  parse: integer(1024, 1024 * 1024 * 1024),
  default: 20 * 1024 * 1024,
  meaning: 'the largest file that may be attached (20 MiB); a larger one is refused with 413',
});
const dbPath = setting({ variable: 'MRA_DB_PATH', parse: text, default: './data/mra.sqlite', meaning: 'SQLite file of the embedded store' });

export const SETTINGS = {
  port,
  mongodbUri: setting({
    variable: 'MONGODB_URI',
    parse: optional(url(['mongodb', 'mongodb+srv'])),
    default: null,
    shown: 'unset: embedded SQLite',
    meaning: 'use MongoDB (mongoose) as the store: a replica set or Atlas, e.g. `mongodb://localhost:27017/mra?replicaSet=rs0` (a standalone server is refused: it has no transactions)',
  }),
  mongodbWriteConcern: setting({
    variable: 'MRA_MONGODB_WRITE_CONCERN',
    parse: wordOr('majority', integer(0, 50), (value) => `must be "majority" or a number of members such as 1, not "${value}"`),
    default: 'majority',
    meaning: 'write concern of the MongoDB store: `majority` (a commit survives the loss of the primary) or a number of members such as `1`',
  }),
  mongodbTimeoutMs: setting({
    variable: 'MRA_MONGODB_TIMEOUT_MS',
    parse: integer(100, 600_000),
    default: 10_000,
    meaning:
      'how long one MongoDB operation may wait (for a server, a connection, the write concern, a commit and its retries) before it answers 503 STORE_UNAVAILABLE; without a bound a write waits for ever once a majority of the replica set is lost',
  }),
  mongodbSearchMaxTimeMs: setting({
    variable: 'MRA_MONGODB_SEARCH_MAX_TIME_MS',
    parse: integer(100, 600_000),
    default: 5_000,
    meaning: 'how long MongoDB may work on one free-text search (`maxTimeMS`); one that runs out answers 503 UNAVAILABLE asking for a longer fragment or a filter',
  }),
  dbPath,
  sqliteSynchronous: setting({
    variable: 'MRA_SQLITE_SYNCHRONOUS',
    parse: oneOf(SQLITE_SYNCHRONOUS_MODES, { anyCase: true }),
    default: 'FULL',
    meaning: 'SQLite `synchronous` pragma: FULL survives power loss; NORMAL is faster and survives a crash of the process',
  }),
  seed: setting({ variable: 'MRA_SEED', parse: oneOf(['demo', 'none']), default: 'demo', meaning: '`demo` loads `seed/` into an empty store at start; `none` loads nothing' }),
  seedDir: setting({ variable: 'MRA_SEED_DIR', parse: text, default: './seed', meaning: 'folder of the seed files' }),
  smtpUrl: setting({
    variable: 'SMTP_URL',
    parse: optional(url(['smtp', 'smtps'])),
    default: null,
    shown: 'unset: `.eml` files under MRA_MAIL_DIR',
    meaning: 'e.g. `smtp://user:pass@host:587`; e-mail goes there',
  }),
  mailFrom: setting({ variable: 'MAIL_FROM', parse: text, default: 'MRA Engine <no-reply@localhost>', meaning: 'sender address' }),
  mailDir: setting({ variable: 'MRA_MAIL_DIR', parse: text, default: './data/mail', meaning: 'where messages are written when SMTP_URL is unset' }),
  mailMaxAttempts: setting({
    variable: 'MRA_MAIL_MAX_ATTEMPTS',
    parse: integer(1, 100),
    default: 10,
    meaning: 'delivery attempts before a message is given up as `dead` (4xx answers and network errors are retried with backoff)',
  }),
  mailIntervalMs: setting({ variable: 'MRA_MAIL_INTERVAL_MS', parse: interval, default: 2000, meaning: 'how often the outbox dispatcher looks for messages to send' }),
  publicUrl: setting({
    variable: 'MRA_PUBLIC_URL',
    parse: baseUrl,
    default: derived('http://localhost:PORT', (read) => `http://localhost:${read(port)}`),
    meaning: 'base of the links in e-mails; set it to the public address when the service runs behind a proxy',
  }),
  publicRateLimit: setting({
    variable: 'MRA_PUBLIC_RATE_LIMIT',
    parse: integer(1, 1_000_000),
    default: 120,
    meaning: 'requests per minute one client address may make to the public routes',
  }),
  filesDir: setting({
    variable: 'MRA_FILES_DIR',
    parse: text,
    // Beside the SQLite file, so one folder holds the store and its documents (and one backup both).
    default: derived('`files/` beside MRA_DB_PATH', (read) => `${dirname(read(dbPath))}/files`),
    meaning:
      'folder of the documents attached to test reports on the SQLite store, each stored once under its SHA-256 (files 0600); with MONGODB_URI they are in GridFS (bucket `documents`) and this is not read',
  }),
  uploadMaxBytes,
  uploadRequestMaxBytes: setting({
    variable: 'MRA_UPLOAD_REQUEST_MAX_BYTES',
    parse: integer(1024, 16 * 1024 * 1024 * 1024),
    // A report and a few annexes at the largest; the twenty files a transition may carry must then be smaller.
    default: derived('4 × MRA_UPLOAD_MAX_BYTES', (read) => 4 * read(uploadMaxBytes)),
    meaning: 'the most bytes of files one request may carry, all its files together; more is refused with 413 and nothing of it is kept',
  }),
  uploadsInFlight: setting({
    variable: 'MRA_UPLOADS_IN_FLIGHT',
    parse: integer(1, 1000),
    default: 4,
    meaning:
      'upload requests (with files) from callers with a key or session the node reads at once, and as many again for the public verification; one more is answered 503 with Retry-After before its body is read. Memory for files is at most this × MRA_UPLOAD_REQUEST_MAX_BYTES',
  }),
  uploadDir: setting({
    variable: 'MRA_UPLOAD_DIR',
    parse: text,
    default: derived('`mra-uploads/` in the OS temp folder', () => join(tmpdir(), 'mra-uploads')),
    meaning: 'folder where the files of a request are written while it is answered (a folder per request, removed when the answer is sent or the client goes away)',
  }),
  bulk: {
    commits: setting({
      variable: 'MRA_BULK_COMMITS',
      parse: integer(1, 10_000),
      default: 500,
      meaning: '`npm run load`: at most this many reports per store transaction (`--batch` lowers it for one run)',
    }),
    transactionBytes: setting({
      variable: 'MRA_BULK_TRANSACTION_BYTES',
      parse: integer(65_536, 1024 * 1024 * 1024),
      default: 8 * 1024 * 1024,
      meaning: '`npm run load`: about this many bytes written per transaction at most, well inside what MongoDB keeps in its cache for one (`TransactionTooLargeForCache`)',
    }),
    transactionMs: setting({
      variable: 'MRA_BULK_TRANSACTION_MS',
      parse: integer(1_000, 600_000),
      default: 30_000,
      meaning: '`npm run load`: a batch is sized so that its transaction takes about half this long at most, from the time per report of the last one (MongoDB aborts a transaction older than 60 s)',
    }),
  },
  blobGraceHours: setting({
    variable: 'MRA_BLOB_GRACE_HOURS',
    parse: integer(1, 24 * 365),
    default: 24,
    meaning:
      'a stored file kept last this long ago and referenced by no record is deleted by the hourly sweep, as are the parts of an upload that never finished (no commit takes that long)',
  }),
  schedulerIntervalMs: setting({ variable: 'MRA_SCHEDULER_INTERVAL_MS', parse: interval, default: 5000, meaning: 'how often the scheduler looks for deadlines that are due' }),
  policies: {
    infoUnanswered: setting({
      variable: 'MRA_INFO_UNANSWERED',
      parse: oneOf(['review', 'close']),
      default: 'review',
      meaning:
        'what an unanswered request for information leads to at its deadline: `review` (back to the regulator) or `close` (application objected to, report rejected); a request may say otherwise',
    }),
  },
  now: setting({
    variable: 'MRA_NOW',
    parse: optional(instant),
    default: null,
    shown: 'real time',
    meaning: 'ISO instant: the service clock starts there and runs forward in real time',
  }),
  keySecret: setting({
    variable: 'MRA_KEY_SECRET',
    parse: optional(secret(32)),
    default: null,
    shown: 'unset: a development secret (logged as a warning)',
    meaning:
      'at least 32 characters; keys the hash of API keys and sign-in tokens (HMAC-SHA-256). Set it before the first real key is minted: changing it invalidates every key',
  }),
  authFailureLimit: setting({
    variable: 'MRA_AUTH_FAILURE_LIMIT',
    parse: integer(1, 1_000_000),
    default: 20,
    meaning: 'wrong API keys, sign-in tokens or sign-in link requests one client address may send in 15 minutes before it is answered 429',
  }),
  signInLinksPerAddress: setting({
    variable: 'MRA_SIGN_IN_LINKS_PER_ADDRESS',
    parse: integer(1, 1_000_000),
    default: 5,
    meaning: 'sign-in links asked for one e-mail address in 15 minutes, whoever asks and whether or not the address is known, before asking for it is answered 429',
  }),
  signInLinkMinutes: setting({
    variable: 'MRA_SIGN_IN_LINK_MINUTES',
    parse: integer(1, 24 * 60),
    default: 15,
    meaning: 'how long a sign-in link e-mailed to a person works (once)',
  }),
  sessionHours: setting({ variable: 'MRA_SESSION_HOURS', parse: integer(1, 24 * 30), default: 8, meaning: 'how long a web session lasts after its last request' }),
  logLevel: setting({
    variable: 'LOG_LEVEL',
    parse: oneOf(LOG_LEVELS),
    default: 'info',
    meaning: 'fatal, error, warn, info, debug, trace or silent; every answer that went well is a line at debug, refusals at warn, failures at error',
  }),
  logFormat: setting({
    variable: 'LOG_FORMAT',
    parse: optional(oneOf(['pretty', 'json'])),
    default: null,
    shown: 'pretty on a terminal, json otherwise',
    meaning: '`pretty` (coloured lines for people) or `json` (one object a line, for log collectors)',
  }),
  cursorSecret: setting({
    variable: 'MRA_CURSOR_SECRET',
    parse: optional(secret(32)),
    default: null,
    shown: 'unset: a random key per process',
    meaning: 'at least 32 characters; seals the `nextCursor` of list answers. Nodes of one store that share it accept each other’s cursors, also after a restart',
  }),
  metricsPort: setting({
    variable: 'MRA_METRICS_PORT',
    parse: optional(portNumber),
    default: null,
    shown: 'unset: /metrics on PORT, admin key required',
    meaning: 'serve `GET /metrics` (Prometheus) on this port instead, without a key: for the scraper’s network only',
  }),
  metricsHost: setting({ variable: 'MRA_METRICS_HOST', parse: host, default: '127.0.0.1', meaning: 'the address MRA_METRICS_PORT listens on (`0.0.0.0` for every interface)' }),
  webhooks: {
    intervalMs: setting({ variable: 'MRA_WEBHOOK_INTERVAL_MS', parse: interval, default: 2000, meaning: 'how often the webhook dispatcher looks for deliveries to make' }),
    maxAttempts: setting({
      variable: 'MRA_WEBHOOK_MAX_ATTEMPTS',
      parse: integer(1, 100),
      default: 12,
      meaning: 'delivery attempts before a webhook delivery is given up as `dead` (listed under its endpoint, re-queueable)',
    }),
    retryMs: setting({
      variable: 'MRA_WEBHOOK_RETRY_MS',
      parse: interval,
      default: 10_000,
      meaning: 'the wait after a first failed webhook delivery; it doubles with each failure, up to an hour',
    }),
    timeoutMs: setting({
      variable: 'MRA_WEBHOOK_TIMEOUT_MS',
      parse: integer(100, 120_000),
      default: 10_000,
      meaning:
        'the total time one webhook delivery attempt, and the test delivery at registration, may take: resolving the name, connecting, sending and the whole answer (a receiver that trickles its answer is cut off then); a claimed delivery is leased for four times this, at least a minute',
    }),
    concurrency: setting({
      variable: 'MRA_WEBHOOK_CONCURRENCY',
      parse: integer(1, 256),
      default: 16,
      meaning: 'webhook deliveries one node attempts at once, over every endpoint',
    }),
    perEndpoint: setting({
      variable: 'MRA_WEBHOOK_PER_ENDPOINT',
      parse: integer(1, 64),
      default: 4,
      meaning: 'webhook deliveries to one endpoint attempted at once, over every node: a slow endpoint holds no more slots than this, and deliveries to other endpoints go past it',
    }),
    allowLoopback: setting({
      variable: 'MRA_WEBHOOK_ALLOW_LOOPBACK',
      parse: boolean,
      default: false,
      meaning: 'development only: `true` lets webhook endpoints be `http:` on loopback (127.0.0.1, ::1, localhost)',
    }),
    allowedNetworks: setting({
      variable: 'MRA_WEBHOOK_ALLOWED_NETWORKS',
      parse: list(cidr),
      // A new list for each configuration: nobody shares one by accident.
      default: derived('unset: public addresses only', (): string[] => []),
      meaning: 'comma-separated CIDR networks that are not public but where an admin allows webhook endpoints, e.g. `10.20.0.0/16`',
    }),
  },
  durations: new DurationOverrides(),
};
