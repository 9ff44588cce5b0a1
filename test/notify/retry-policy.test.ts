/** What a failed delivery means, and how long to wait before the next attempt. */
import { expect } from 'chai';
import { backoffDelay } from '../../src/queue/index.js';
import { DEFAULT_RETRY, classifyFailure } from '../../src/effects/mail/retry-policy.js';

/** What a failure decides by and shows, without the error it carries for the log. */
function decided(error: unknown): { kind: string; code: string; detail: string } {
  const { kind, code, detail } = classifyFailure(error);
  return { kind, code, detail };
}

/** An error shaped as nodemailer reports an SMTP reply. */
function smtpError(code: string, responseCode: number, response: string, command = 'RCPT TO'): Error {
  return Object.assign(new Error(`Can't send mail - ${response}`), { code, responseCode, response, command, permanent: responseCode >= 500 && responseCode !== 503 });
}

describe('Retry policy', () => {
  it('a 4xx answer is transient, a 5xx answer permanent; both keep the reply and the command it answered', () => {
    expect(decided(smtpError('EENVELOPE', 451, '451 4.7.1 Greylisted'))).to.deep.equal({
      kind: 'retry',
      code: 'SMTP_TRANSIENT',
      detail: '451 4.7.1 Greylisted (after RCPT TO)',
    });
    expect(decided(smtpError('EMESSAGE', 552, '552 5.3.4 Message too big', 'DATA'))).to.deep.equal({
      kind: 'permanent',
      code: 'SMTP_PERMANENT',
      detail: '552 5.3.4 Message too big (after DATA)',
    });
    expect(decided(smtpError('EPROTOCOL', 503, '503 5.5.1 Bad sequence of commands')), '503: a session problem').to.include({ kind: 'retry', code: 'SMTP_TRANSIENT' });
  });

  it('network trouble, and refused credentials (every message would get them), are retried', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' });
    expect(decided(refused)).to.deep.equal({ kind: 'retry', code: 'NO_REPLY', detail: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:25' });
    expect(decided(smtpError('EAUTH', 535, '535 5.7.8 Authentication failed', 'AUTH PLAIN'))).to.include({ kind: 'retry', code: 'SMTP_SETTINGS' });
    expect(decided('a thrown string')).to.deep.equal({ kind: 'retry', code: 'NO_REPLY', detail: 'a thrown string' });
  });

  it('waits exponentially longer after each failure, with jitter, up to an hour', () => {
    const [low, high] = [() => 0, () => 1];
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, DEFAULT_RETRY, high))).to.deep.equal([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, DEFAULT_RETRY, low))).to.deep.equal([15_000, 30_000, 60_000, 120_000]);
    expect(backoffDelay(20, DEFAULT_RETRY, high)).to.equal(3_600_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(3, DEFAULT_RETRY, Math.random)));
    expect(spread.size, 'nodes that failed together do not come back together').to.be.greaterThan(40);
  });
});
