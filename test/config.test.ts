import { expect } from 'chai';
import { durationVariable, loadConfig } from '../src/config.js';
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
      now: null,
      durations: {},
      logLevel: 'info',
      logFormat: null,
      keySecret: null,
      authFailureLimit: 20,
      signInLinkMinutes: 15,
      sessionHours: 8,
      cursorSecret: null,
      metricsPort: null,
      metricsHost: '127.0.0.1',
    });
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

  it('names the environment variable of each duration after its key', () => {
    expect(durationVariable('recognitions.listingValidity')).to.equal('MRA_DURATION_RECOGNITIONS_LISTING_VALIDITY');
    expect(durationVariable('test-reports.review')).to.equal('MRA_DURATION_TEST_REPORTS_REVIEW');
  });
});
