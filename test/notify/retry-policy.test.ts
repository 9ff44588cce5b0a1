/** What a failed delivery means, and how long to wait before the next attempt. */
import { expect } from 'chai';
import { backoffDelay } from '../../src/backoff.js';
import { DEFAULT_BACKOFF, classifyFailure } from '../../src/effects/mail/retry-policy.js';

/** An error shaped as nodemailer reports an SMTP reply. */
function smtpError(code: string, responseCode: number, response: string, command = 'RCPT TO'): Error {
  return Object.assign(new Error(`Can't send mail - ${response}`), { code, responseCode, response, command, permanent: responseCode >= 500 && responseCode !== 503 });
}

describe('Retry policy', () => {
  it('a 4xx answer is transient, a 5xx answer permanent; both keep the reply and the command it answered', () => {
    expect(classifyFailure(smtpError('EENVELOPE', 451, '451 4.7.1 Greylisted'))).to.deep.equal({
      permanent: false,
      description: '451 4.7.1 Greylisted (after RCPT TO)',
    });
    expect(classifyFailure(smtpError('EMESSAGE', 552, '552 5.3.4 Message too big', 'DATA'))).to.deep.equal({
      permanent: true,
      description: '552 5.3.4 Message too big (after DATA)',
    });
    expect(classifyFailure(smtpError('EPROTOCOL', 503, '503 5.5.1 Bad sequence of commands')).permanent, '503: a session problem').to.equal(false);
  });

  it('network trouble, and refused credentials (every message would get them), are retried', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' });
    expect(classifyFailure(refused)).to.deep.equal({ permanent: false, description: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:25' });
    expect(classifyFailure(smtpError('EAUTH', 535, '535 5.7.8 Authentication failed', 'AUTH PLAIN')).permanent).to.equal(false);
    expect(classifyFailure('a thrown string')).to.deep.equal({ permanent: false, description: 'a thrown string' });
  });

  it('waits exponentially longer after each failure, with jitter, up to an hour', () => {
    const [low, high] = [() => 0, () => 1];
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, DEFAULT_BACKOFF, high))).to.deep.equal([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, DEFAULT_BACKOFF, low))).to.deep.equal([15_000, 30_000, 60_000, 120_000]);
    expect(backoffDelay(20, DEFAULT_BACKOFF, high)).to.equal(3_600_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(3, DEFAULT_BACKOFF, Math.random)));
    expect(spread.size, 'nodes that failed together do not come back together').to.be.greaterThan(40);
  });
});
