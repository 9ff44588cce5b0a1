import { expect } from 'chai';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTINGS, VARIABLES, durationVariable, loadConfig, readSetting, startupLogging } from '../src/config.js';
import { isAppError } from '../src/errors.js';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (isAppError(error, 'CONFIG_INVALID')) return error.detail;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('with nothing set, uses the documented defaults: SQLite under ./data, demo seed, .eml mail, real time', () => {
    expect(loadConfig({})).to.deep.equal({
      port: 3000,
      mongodbUri: null,
      mongodbWriteConcern: 'majority',
      mongodbTimeoutMs: 10_000,
      mongodbSearchMaxTimeMs: 5_000,
      blobGraceHours: 24,
      bulk: { commits: 500, transactionBytes: 8 * 1024 * 1024, transactionMs: 30_000 },
      dbPath: './data/mra.sqlite',
      sqliteSynchronous: 'FULL',
      seed: 'demo',
      seedDir: './seed',
      smtpUrl: null,
      mailFrom: 'MRA Engine <no-reply@localhost>',
      mailDir: './data/mail',
      mailMaxAttempts: 10,
      mailIntervalMs: 2000,
      policies: { infoUnanswered: 'review' },
      schedulerIntervalMs: 5000,
      publicUrl: 'http://localhost:3000',
      publicRateLimit: 120,
      filesDir: './data/files',
      uploadMaxBytes: 20 * 1024 * 1024,
      uploadRequestMaxBytes: 80 * 1024 * 1024,
      uploadsInFlight: 4,
      uploadDir: join(tmpdir(), 'mra-uploads'),
      now: null,
      durations: {},
      logLevel: 'info',
      logFormat: null,
      keySecret: null,
      authFailureLimit: 20,
      signInLinkMinutes: 15,
      signInLinksPerAddress: 5,
      sessionHours: 8,
      cursorSecret: null,
      metricsPort: null,
      metricsHost: '127.0.0.1',
      webhooks: { intervalMs: 2000, maxAttempts: 12, retryMs: 10_000, timeoutMs: 10_000, concurrency: 16, perEndpoint: 4, allowLoopback: false, allowedNetworks: [] },
    });
  });

  it('keeps the documents beside the SQLite file unless MRA_FILES_DIR says otherwise', () => {
    expect(loadConfig({ MRA_DB_PATH: '/var/lib/mra/mra.sqlite' }).filesDir).to.equal('/var/lib/mra/files');
    expect(loadConfig({ MRA_DB_PATH: '/var/lib/mra/mra.sqlite', MRA_FILES_DIR: '/srv/mra-files' }).filesDir).to.equal('/srv/mra-files');
  });

  it('links e-mails to the port the API listens on unless MRA_PUBLIC_URL says otherwise', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).to.equal('http://localhost:8080');
    expect(loadConfig({ PORT: '8080', MRA_PUBLIC_URL: 'https://mra.example.gov.vn/' }).publicUrl).to.equal('https://mra.example.gov.vn');
  });

  it('reads each variable', () => {
    const config = loadConfig({
      PORT: '8080',
      MRA_DB_PATH: '/var/lib/mra/mra.sqlite',
      MRA_SQLITE_SYNCHRONOUS: 'normal',
      MRA_SEED: 'none',
      SMTP_URL: 'smtps://mra:secret@mail.example:465',
      MRA_NOW: '2030-01-01T00:00:00+07:00',
      MRA_DURATION_TEST_REPORTS_REVIEW: '20 working days',
      LOG_LEVEL: 'warn',
    });
    expect(config).to.deep.include({ port: 8080, dbPath: '/var/lib/mra/mra.sqlite', sqliteSynchronous: 'NORMAL', seed: 'none', logLevel: 'warn' });
    expect(config.smtpUrl).to.equal('smtps://mra:secret@mail.example:465');
    expect(config.now?.toISOString()).to.equal('2029-12-31T17:00:00.000Z');
    expect(config.durations).to.deep.equal({ 'test-reports.review': '20 working days' });
  });

  it('names every wrong variable at once, and why', () => {
    const detail = configError({
      PORT: '70000',
      MRA_SEED: 'all',
      MRA_NOW: 'tomorrow',
      SMTP_URL: 'mail.example',
      MRA_DURATION_RECOGNITIONS_REVIEW: 'soon',
      MRA_MAIL_MAX_ATTEMPTS: '0',
      MRA_PUBLIC_URL: 'mra.example',
    });
    for (const expected of ['PORT', 'MRA_SEED', 'MRA_NOW', 'SMTP_URL', 'recognitions.review', '"soon" is not a duration', 'MRA_MAIL_MAX_ATTEMPTS', 'MRA_PUBLIC_URL']) {
      expect(detail).to.contain(expected);
    }
  });

  it('reads the MongoDB settings, and refuses a URI or write concern MongoDB would not take', () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://db1,db2/mra?replicaSet=rs0', MRA_MONGODB_WRITE_CONCERN: '2' });
    expect(config).to.deep.include({ mongodbUri: 'mongodb://db1,db2/mra?replicaSet=rs0', mongodbWriteConcern: 2 });
    expect(loadConfig({ MONGODB_URI: 'mongodb+srv://cluster0.example.net/mra' }).mongodbWriteConcern).to.equal('majority');
    const detail = configError({ MONGODB_URI: 'localhost:27017', MRA_MONGODB_WRITE_CONCERN: 'all' });
    expect(detail).to.contain('MONGODB_URI must start with mongodb://').and.to.contain('MRA_MONGODB_WRITE_CONCERN must be "majority"');
  });

  it('names every wrong duration and every wrong network at once, each with its variable', () => {
    const detail = configError({
      MRA_DURATION_RECOGNITIONS_REVIEW: 'soon',
      MRA_DURATION_TEST_REPORTS_REVIEW: '3 fortnights',
      MRA_WEBHOOK_ALLOWED_NETWORKS: '10.20.0.0/16, 10.300.0.0/16, intranet',
    });
    expect(detail).to.contain('MRA_DURATION_RECOGNITIONS_REVIEW (duration recognitions.review): "soon" is not a duration');
    expect(detail).to.contain('MRA_DURATION_TEST_REPORTS_REVIEW (duration test-reports.review): "3 fortnights" is not a duration');
    expect(detail).to.contain('MRA_WEBHOOK_ALLOWED_NETWORKS must list CIDR networks such as 10.20.0.0/16, not "10.300.0.0/16"');
    expect(detail).to.contain('not "intranet"').and.not.to.contain('not "10.20.0.0/16"');
  });

  it('never repeats a secret or a URL, which may hold a password, in its message', () => {
    const detail = configError({ MRA_KEY_SECRET: 'short-secret', MRA_CURSOR_SECRET: 'another-short-one', SMTP_URL: 'mail://mra:hunter2@mail.example' });
    expect(detail).to.contain('MRA_KEY_SECRET must be at least 32 characters long').and.to.contain('MRA_CURSOR_SECRET must be at least 32 characters long');
    expect(detail).to.contain('SMTP_URL must start with smtp:// or smtps://');
    expect(detail).not.to.match(/short-secret|another-short-one|hunter2/);
  });

  it('gives each configuration a list of networks of its own', () => {
    loadConfig({}).webhooks.allowedNetworks.push('10.0.0.0/8');
    expect(loadConfig({}).webhooks.allowedNetworks).to.deep.equal([]);
  });

  it('reads one setting alone for a command that needs no more, refusing it when wrong', () => {
    expect(readSetting(SETTINGS.dbPath, {})).to.equal('./data/mra.sqlite');
    expect(readSetting(SETTINGS.dbPath, { MRA_DB_PATH: ' /srv/mra.sqlite ', PORT: 'not read' })).to.equal('/srv/mra.sqlite');
    expect(() => readSetting(SETTINGS.port, { PORT: 'eighty' })).to.throw('PORT must be a port number, not "eighty"');
  });

  it('starts the logger on the log settings, a wrong one falling back to its default so the problem can be logged', () => {
    expect(startupLogging({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' })).to.deep.equal({ level: 'debug', format: 'json' });
    expect(startupLogging({ LOG_LEVEL: 'loud', LOG_FORMAT: 'xml' })).to.deep.equal({ level: 'info', format: null });
    expect(configError({ LOG_LEVEL: 'loud', LOG_FORMAT: 'xml' })).to.contain('LOG_LEVEL must be one of').and.to.contain('LOG_FORMAT must be "pretty" or "json", not "xml"');
  });

  it('documents each variable once, every duration included', () => {
    const names = VARIABLES.map((v) => v.name);
    expect(names).to.have.lengthOf(new Set(names).size);
    expect(names).to.include.members(['PORT', 'LOG_LEVEL', 'LOG_FORMAT', 'MRA_WEBHOOK_ALLOWED_NETWORKS', durationVariable('recognitions.review')]);
  });

  it('names the environment variable of each duration after its key', () => {
    expect(durationVariable('recognitions.listingValidity')).to.equal('MRA_DURATION_RECOGNITIONS_LISTING_VALIDITY');
    expect(durationVariable('test-reports.review')).to.equal('MRA_DURATION_TEST_REPORTS_REVIEW');
  });
});
