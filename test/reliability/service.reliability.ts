/**
 * The real service in child processes: killed with SIGKILL under load five times, cut off from its
 * mail server and killed mid-batch, stopped with SIGTERM under a backlog of 100,000 e-mails.
 */
import { expect } from 'chai';
import { SEED, record } from './figures.js';
import { crashRounds } from './crash.js';
import { mailOutage } from './mail-outage.js';
import { shutdownUnderBacklog } from './shutdown.js';

describe('reliability: the service process crashed, cut off and stopped', () => {
  it('kill -9 under load, 5 rounds: every acknowledged write kept with history, e-mails, deadlines; deadlines fire once; the dispatcher resumes', async () => {
    const result = await crashRounds(SEED, 5);
    record('crash (kill -9)', 'rounds / acknowledged writes', `${result.rounds} / ${result.acknowledged}`);
    record('crash (kill -9)', 'acknowledged writes missing (history, e-mail, deadline)', result.missing);
    record('crash (kill -9)', 'deadlines fired / fired twice / due left', `${result.deadlinesFired} / ${result.firedTwice} / ${result.dueLeft}`);
    record('crash (kill -9)', 'e-mails left by the killed processes / unsent at the end', `${result.sentAfterRestart} / ${result.unsent}`);
    record('crash (kill -9)', 'restart to listening, median (ms)', result.restartMs);
    expect(result).to.include({ missing: 0, firedTwice: 0, dueLeft: 0, unsent: 0 });
    expect(result.acknowledged).to.be.greaterThan(5 * 6);
  });

  it('mail outage (451), then the dispatcher killed mid-batch: 0 lost, duplicates only with the same Message-ID', async () => {
    const result = await mailOutage(SEED);
    record('mail outage', '451 answers / outage (ms)', `${result.refused451} / ${result.outageMs}`);
    record('mail outage', 'messages / arrivals / killed at arrival', `${result.messages} / ${result.arrivals} / ${result.killedAtArrival}`);
    record('mail outage', 'lost', result.lost);
    record('mail outage', 'duplicates (same Message-ID) / under another id', `${result.duplicates} / ${result.foreign}`);
    expect(result).to.include({ lost: 0, foreign: 0 });
    expect(result.arrivals).to.equal(result.messages + result.duplicates);
  });

  it('SIGTERM with 100,000 e-mails queued and a request in flight: it is answered, leases are given back, exit within 10 s', async () => {
    const result = await shutdownUnderBacklog(100_000);
    record('graceful shutdown', 'backlog / sent before SIGTERM / pending after', `${result.backlog} / ${result.sentBefore} / ${result.pendingAfter}`);
    record('graceful shutdown', 'request in flight at SIGTERM: status', result.inFlightStatus);
    record('graceful shutdown', 'SIGTERM to exit (ms, incl. 1 s of slow body) / exit code', `${result.exitMs} / ${result.exitCode}`);
    record('graceful shutdown', 'leases left / next node first e-mail (ms)', `${result.leasesLeft} / ${result.nextNodeFirstMailMs}`);
    expect(result).to.include({ inFlightStatus: 201, exitCode: 0, leasesLeft: 0 });
    expect(result.exitMs).to.be.below(10_000);
    expect(result.nextNodeFirstMailMs, 'the next node did not wait out a lease').to.be.below(30_000);
  });
});
