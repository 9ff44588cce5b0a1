/**
 * Every setting of the service, read from the environment and checked here and nowhere else.
 * `VARIABLES` is the list the README documents (a test keeps the two in step).
 */
import { dirname } from 'node:path';
import { Durations } from './engine/durations-table.js';
import type { Policies } from './engine/policies.js';
import ipaddr from 'ipaddr.js';
import { AppError } from './errors.js';

/** `./data/mra.sqlite` -> `./data/files`: the documents' folder beside the store's file. */
function filesBeside(dbPath: string): string {
  return `${dirname(dbPath)}/files`;
}

/** Whether `text` is an address range such as `10.0.0.0/8` or `fd00::/8`. */
function isCidr(text: string): boolean {
  try {
    ipaddr.parseCIDR(text);
    return true;
  } catch {
    return false;
  }
}

/** SQLite's `synchronous` pragma values; the SQLite adapter takes the one the configuration gives. */
export const SQLITE_SYNCHRONOUS_MODES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_MODES)[number];

export interface Config {
  port: number;
  /** Unset: the embedded SQLite store. */
  mongodbUri: string | null;
  /** Write concern of every MongoDB write: `majority` or a number of members. */
  mongodbWriteConcern: 'majority' | number;
  dbPath: string;
  sqliteSynchronous: SqliteSynchronous;
  seed: 'demo' | 'none';
  seedDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  mailDir: string;
  /** Messages that failed this many times end `dead`. */
  mailMaxAttempts: number;
  /** How often the outbox dispatcher looks for due messages. */
  mailIntervalMs: number;
  /** How often the scheduler looks for due deadlines. */
  schedulerIntervalMs: number;
  /** Base of the links in e-mails, e.g. https://mra.example.gov.vn; by default this host on PORT. */
  publicUrl: string;
  /** Requests per minute one client may make to the public routes. */
  publicRateLimit: number;
  /** Folder of the stored files (documents of test reports), content-addressed. */
  filesDir: string;
  /** The largest file one may attach, in bytes. */
  uploadMaxBytes: number;
  /** Where the service clock starts; null for real time. */
  now: Date | null;
  /** Duration overrides, `kind.name` -> "90 days". */
  durations: Record<string, string>;
  /** What an unanswered request for information leads to by default. */
  policies: Policies;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `pretty` for people, `json` for log collectors; unset: pretty on a terminal, JSON otherwise. */
  logFormat: 'pretty' | 'json' | null;
  /** Keys the hash of API keys and sign-in tokens; null: the development secret (a warning says so). */
  keySecret: string | null;
  /** Wrong keys or tokens one client address may send in 15 minutes before it gets 429. */
  authFailureLimit: number;
  /** How long a sign-in link works. */
  signInLinkMinutes: number;
  /** How long a web session lasts after its last request. */
  sessionHours: number;
  /** Key material for sealing list cursors; null: a random key per process. */
  cursorSecret: string | null;
  /** A port of its own for `GET /metrics`, without a key; null: on the API port, for admins. */
  metricsPort: number | null;
  /** The address the metrics port listens on. */
  metricsHost: string;
  webhooks: {
    intervalMs: number;
    maxAttempts: number;
    /** The wait after a first failed delivery; it doubles up to an hour. */
    retryMs: number;
    timeoutMs: number;
    /** Development only: http: and loopback endpoints. */
    allowLoopback: boolean;
    /** Non-public networks an admin allows endpoints in (CIDR). */
    allowedNetworks: string[];
  };
}

/** The secret used when MRA_KEY_SECRET is unset: fine for the demo, never for real keys. */
export const DEVELOPMENT_KEY_SECRET = 'mra-engine-development-secret-do-not-use-in-production';

export interface Variable {
  name: string;
  default: string;
  meaning: string;
}

/** The environment variable of a configurable duration: `recognitions.listingValidity` -> `MRA_DURATION_RECOGNITIONS_LISTING_VALIDITY`. */
export function durationVariable(key: string): string {
  return `MRA_DURATION_${key.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/[.-]/g, '_').toUpperCase()}`;
}

export const VARIABLES: readonly Variable[] = [
  { name: 'PORT', default: '3000', meaning: 'HTTP port' },
  { name: 'MONGODB_URI', default: 'unset: embedded SQLite', meaning: 'use MongoDB (mongoose) as the store: a replica set or Atlas, e.g. `mongodb://localhost:27017/mra?replicaSet=rs0` (a standalone server is refused: it has no transactions)' },
  { name: 'MRA_MONGODB_WRITE_CONCERN', default: 'majority', meaning: 'write concern of the MongoDB store: `majority` (a commit survives the loss of the primary) or a number of members such as `1`' },
  { name: 'MRA_DB_PATH', default: './data/mra.sqlite', meaning: 'SQLite file of the embedded store' },
  { name: 'MRA_SQLITE_SYNCHRONOUS', default: 'FULL', meaning: 'SQLite `synchronous` pragma: FULL survives power loss; NORMAL is faster and survives a crash of the process' },
  { name: 'MRA_SEED', default: 'demo', meaning: '`demo` loads `seed/` into an empty store at start; `none` loads nothing' },
  { name: 'MRA_SEED_DIR', default: './seed', meaning: 'folder of the seed files' },
  { name: 'SMTP_URL', default: 'unset: `.eml` files under MRA_MAIL_DIR', meaning: 'e.g. `smtp://user:pass@host:587`; e-mail goes there' },
  { name: 'MAIL_FROM', default: 'MRA Engine <no-reply@localhost>', meaning: 'sender address' },
  { name: 'MRA_MAIL_DIR', default: './data/mail', meaning: 'where messages are written when SMTP_URL is unset' },
  { name: 'MRA_MAIL_MAX_ATTEMPTS', default: '10', meaning: 'delivery attempts before a message is given up as `dead` (4xx answers and network errors are retried with backoff)' },
  { name: 'MRA_MAIL_INTERVAL_MS', default: '2000', meaning: 'how often the outbox dispatcher looks for messages to send' },
  { name: 'MRA_PUBLIC_URL', default: 'http://localhost:PORT', meaning: 'base of the links in e-mails; set it to the public address when the service runs behind a proxy' },
  { name: 'MRA_PUBLIC_RATE_LIMIT', default: '120', meaning: 'requests per minute one client address may make to the public routes' },
  { name: 'MRA_FILES_DIR', default: '`files/` beside MRA_DB_PATH', meaning: 'folder of the documents attached to test reports on the SQLite store, each stored once under its SHA-256 (files 0600); with MONGODB_URI they are in GridFS (bucket `documents`) and this is not read' },
  { name: 'MRA_UPLOAD_MAX_BYTES', default: '20971520', meaning: 'the largest file that may be attached (20 MiB); a larger one is refused with 413' },
  { name: 'MRA_SCHEDULER_INTERVAL_MS', default: '5000', meaning: 'how often the scheduler looks for deadlines that are due' },
  {
    name: 'MRA_INFO_UNANSWERED',
    default: 'review',
    meaning: 'what an unanswered request for information leads to at its deadline: `review` (back to the regulator) or `close` (application objected to, report rejected); a request may say otherwise',
  },
  { name: 'MRA_NOW', default: 'real time', meaning: 'ISO instant: the service clock starts there and runs forward in real time' },
  { name: 'MRA_KEY_SECRET', default: 'unset: a development secret (logged as a warning)', meaning: 'at least 32 characters; keys the hash of API keys and sign-in tokens (HMAC-SHA-256). Set it before the first real key is minted: changing it invalidates every key' },
  { name: 'MRA_AUTH_FAILURE_LIMIT', default: '20', meaning: 'wrong API keys, sign-in tokens or sign-in link requests one client address may send in 15 minutes before it is answered 429' },
  { name: 'MRA_SIGN_IN_LINK_MINUTES', default: '15', meaning: 'how long a sign-in link e-mailed to a person works (once)' },
  { name: 'MRA_SESSION_HOURS', default: '8', meaning: 'how long a web session lasts after its last request' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent; every answer that went well is a line at debug, refusals at warn, failures at error' },
  { name: 'LOG_FORMAT', default: 'pretty on a terminal, json otherwise', meaning: '`pretty` (coloured lines for people) or `json` (one object a line, for log collectors)' },
  {
    name: 'MRA_CURSOR_SECRET',
    default: 'unset: a random key per process',
    meaning: 'at least 32 characters; seals the `nextCursor` of list answers. Nodes of one store that share it accept each other’s cursors, also after a restart',
  },
  {
    name: 'MRA_METRICS_PORT',
    default: 'unset: /metrics on PORT, admin key required',
    meaning: 'serve `GET /metrics` (Prometheus) on this port instead, without a key: for the scraper’s network only',
  },
  { name: 'MRA_METRICS_HOST', default: '127.0.0.1', meaning: 'the address MRA_METRICS_PORT listens on (`0.0.0.0` for every interface)' },
  { name: 'MRA_WEBHOOK_INTERVAL_MS', default: '2000', meaning: 'how often the webhook dispatcher looks for deliveries to make' },
  { name: 'MRA_WEBHOOK_MAX_ATTEMPTS', default: '12', meaning: 'delivery attempts before a webhook delivery is given up as `dead` (listed under its endpoint, re-queueable)' },
  { name: 'MRA_WEBHOOK_RETRY_MS', default: '10000', meaning: 'the wait after a first failed webhook delivery; it doubles with each failure, up to an hour' },
  { name: 'MRA_WEBHOOK_TIMEOUT_MS', default: '10000', meaning: 'how long a webhook endpoint has to answer a delivery' },
  { name: 'MRA_WEBHOOK_ALLOW_LOOPBACK', default: 'false', meaning: 'development only: `true` lets webhook endpoints be `http:` on loopback (127.0.0.1, ::1, localhost)' },
  { name: 'MRA_WEBHOOK_ALLOWED_NETWORKS', default: 'unset: public addresses only', meaning: 'comma-separated CIDR networks that are not public but where an admin allows webhook endpoints, e.g. `10.20.0.0/16`' },
  ...durationVariables(new Durations()),
];

function durationVariables(defaults: Durations): Variable[] {
  return Durations.names().map((key) => ({
    name: durationVariable(key),
    default: defaults.describe(key),
    meaning: Durations.meaning(key),
  }));
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads and checks the configuration.
 *
 * @throws AppError CONFIG_INVALID naming every variable that is wrong and why.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };

  const portText = value('PORT') ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number, not "${portText}"`);

  const seed = value('MRA_SEED') ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') problems.push(`MRA_SEED must be "demo" or "none", not "${seed}"`);

  const synchronous = (value('MRA_SQLITE_SYNCHRONOUS') ?? 'FULL').toUpperCase();
  if (!(SQLITE_SYNCHRONOUS_MODES as readonly string[]).includes(synchronous)) problems.push(`MRA_SQLITE_SYNCHRONOUS must be one of ${SQLITE_SYNCHRONOUS_MODES.join(', ')}`);

  const logLevel = value('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const logFormat = value('LOG_FORMAT') ?? null;
  if (logFormat !== null && logFormat !== 'pretty' && logFormat !== 'json') problems.push(`LOG_FORMAT must be "pretty" or "json", not "${logFormat}"`);

  const nowText = value('MRA_NOW');
  const now = nowText === undefined ? null : new Date(nowText);
  if (now !== null && Number.isNaN(now.getTime())) problems.push(`MRA_NOW must be an ISO instant such as 2030-01-01T00:00:00Z, not "${nowText}"`);

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = value(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
    return n;
  };
  const mailMaxAttempts = integer('MRA_MAIL_MAX_ATTEMPTS', 10, 1, 100);
  const mailIntervalMs = integer('MRA_MAIL_INTERVAL_MS', 2000, 10, 3_600_000);
  const schedulerIntervalMs = integer('MRA_SCHEDULER_INTERVAL_MS', 5000, 10, 3_600_000);
  const publicRateLimit = integer('MRA_PUBLIC_RATE_LIMIT', 120, 1, 1_000_000);
  const uploadMaxBytes = integer('MRA_UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024);
  const publicUrl = (value('MRA_PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(publicUrl)) problems.push('MRA_PUBLIC_URL must be an http:// or https:// address');

  const keySecret = value('MRA_KEY_SECRET') ?? null;
  if (keySecret !== null && keySecret.length < 32) problems.push('MRA_KEY_SECRET must be at least 32 characters long');
  const authFailureLimit = integer('MRA_AUTH_FAILURE_LIMIT', 20, 1, 1_000_000);
  const signInLinkMinutes = integer('MRA_SIGN_IN_LINK_MINUTES', 15, 1, 24 * 60);
  const sessionHours = integer('MRA_SESSION_HOURS', 8, 1, 24 * 30);
  const mongodbUri = value('MONGODB_URI') ?? null;
  if (mongodbUri !== null && !/^mongodb(\+srv)?:\/\/.+/.test(mongodbUri)) problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  const writeConcernText = value('MRA_MONGODB_WRITE_CONCERN') ?? 'majority';
  const mongodbWriteConcern = writeConcernText === 'majority' ? 'majority' : Number(writeConcernText);
  if (mongodbWriteConcern !== 'majority' && !(Number.isInteger(mongodbWriteConcern) && mongodbWriteConcern >= 0 && mongodbWriteConcern <= 50)) {
    problems.push(`MRA_MONGODB_WRITE_CONCERN must be "majority" or a number of members such as 1, not "${writeConcernText}"`);
  }

  const smtpUrl = value('SMTP_URL') ?? null;
  if (smtpUrl !== null && !/^smtps?:\/\/.+/.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');

  const metricsPortText = value('MRA_METRICS_PORT');
  const metricsPort = metricsPortText === undefined ? null : Number(metricsPortText);
  if (metricsPort !== null && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535)) {
    problems.push(`MRA_METRICS_PORT must be a port number, not "${metricsPortText}"`);
  }
  const metricsHost = value('MRA_METRICS_HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(metricsHost)) problems.push(`MRA_METRICS_HOST must be a host name or address, not "${metricsHost}"`);

  const cursorSecret = value('MRA_CURSOR_SECRET') ?? null;
  if (cursorSecret !== null && cursorSecret.length < 32) problems.push('MRA_CURSOR_SECRET must be at least 32 characters long');

  const webhookIntervalMs = integer('MRA_WEBHOOK_INTERVAL_MS', 2000, 10, 3_600_000);
  const webhookMaxAttempts = integer('MRA_WEBHOOK_MAX_ATTEMPTS', 12, 1, 100);
  const webhookRetryMs = integer('MRA_WEBHOOK_RETRY_MS', 10_000, 10, 3_600_000);
  const webhookTimeoutMs = integer('MRA_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000);
  const loopbackText = value('MRA_WEBHOOK_ALLOW_LOOPBACK') ?? 'false';
  if (loopbackText !== 'true' && loopbackText !== 'false') problems.push(`MRA_WEBHOOK_ALLOW_LOOPBACK must be "true" or "false", not "${loopbackText}"`);
  const allowedNetworks = (value('MRA_WEBHOOK_ALLOWED_NETWORKS') ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
  for (const network of allowedNetworks) {
    if (!isCidr(network)) problems.push(`MRA_WEBHOOK_ALLOWED_NETWORKS must list CIDR networks such as 10.20.0.0/16, not "${network}"`);
  }

  const durations: Record<string, string> = {};
  for (const key of Durations.names()) {
    const text = value(durationVariable(key));
    if (text !== undefined) durations[key] = text;
  }
  try {
    new Durations(durations);
  } catch (error) {
    problems.push((error as Error).message);
  }

  const infoUnanswered = value('MRA_INFO_UNANSWERED') ?? 'review';
  if (infoUnanswered !== 'review' && infoUnanswered !== 'close') problems.push(`MRA_INFO_UNANSWERED must be "review" or "close", not "${infoUnanswered}"`);

  if (problems.length > 0) {
    throw new AppError({ code: 'CONFIG_INVALID', detail: `Configuration is not valid:\n  - ${problems.join('\n  - ')}` });
  }
  return {
    port,
    mongodbUri,
    mongodbWriteConcern,
    dbPath: value('MRA_DB_PATH') ?? './data/mra.sqlite',
    sqliteSynchronous: synchronous as SqliteSynchronous,
    seed: seed as Config['seed'],
    seedDir: value('MRA_SEED_DIR') ?? './seed',
    smtpUrl,
    mailFrom: value('MAIL_FROM') ?? 'MRA Engine <no-reply@localhost>',
    mailDir: value('MRA_MAIL_DIR') ?? './data/mail',
    mailMaxAttempts,
    mailIntervalMs,
    schedulerIntervalMs,
    publicUrl,
    publicRateLimit,
    // Beside the SQLite file, so one folder holds the store and its documents (and one backup both).
    filesDir: value('MRA_FILES_DIR') ?? filesBeside(value('MRA_DB_PATH') ?? './data/mra.sqlite'),
    uploadMaxBytes,
    now,
    durations,
    policies: { infoUnanswered: infoUnanswered as Policies['infoUnanswered'] },
    logLevel: logLevel as Config['logLevel'],
    logFormat: logFormat as Config['logFormat'],
    keySecret,
    authFailureLimit,
    signInLinkMinutes,
    sessionHours,
    cursorSecret,
    metricsPort,
    metricsHost,
    webhooks: {
      intervalMs: webhookIntervalMs,
      maxAttempts: webhookMaxAttempts,
      retryMs: webhookRetryMs,
      timeoutMs: webhookTimeoutMs,
      allowLoopback: loopbackText === 'true',
      allowedNetworks,
    },
  };
}
