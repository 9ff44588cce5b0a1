/**
 * Leases by the server's clock: the claims of the outbox, the deadlines and the webhook deliveries
 * evaluated by mingo, whose `$$NOW` stands for the primary's clock (it is this process's clock).
 * A node whose clock runs an hour ahead must not take a lease another node still holds, nor
 * stretch its own; a lease that has ended by both clocks is taken as before.
 */
import { expect } from 'chai';
import { updateOne } from 'mingo';
import type { AnyObject } from 'mingo/types';
import * as q from '../../src/store/mongo/queries.js';
import type { Lease } from '../../src/store/port.js';

const MINUTE = 60_000;
/** An instant relative to the server's clock (this process's, as mingo's `$$NOW` is). */
const serverPlus = (ms: number) => new Date(Date.now() + ms).toISOString();
const lease = (owner: string, now: string): Lease => ({ owner, now, leaseMs: 5 * MINUTE, limit: 10 });

function apply(write: q.Write, docs: object[]): boolean {
  return updateOne(docs as AnyObject[], write.filter, write.update).matchedCount === 1;
}

/** A pending row of a leased queue, due an hour ago, held by `owner` until `leaseUntil`. */
const row = (leaseOwner: string | null, leaseUntil: string | null) => ({
  _id: 'x1',
  status: 'pending',
  nextAttemptAt: serverPlus(-60 * MINUTE),
  dueAt: serverPlus(-60 * MINUTE),
  leaseOwner,
  leaseUntil,
});

const TAKES = {
  'an e-mail of the outbox': (l: Lease) => q.claimOutboxMessage('x1', l),
  'a due deadline': (l: Lease) => q.claimDueDeadline('x1', l),
  'a cascade claimed by id': (l: Lease) => q.claimDeadlineById('x1', l),
  'a webhook delivery': (l: Lease) => q.claimWebhookDelivery('x1', l),
};

describe('MongoDB leases by the server\'s clock, evaluated by mingo (no server)', () => {
  for (const [what, take] of Object.entries(TAKES)) {
    describe(what, () => {
      it('a node whose clock runs an hour ahead does not take a lease that has not ended by the server\'s clock', () => {
        const docs = [row('n2', serverPlus(3 * MINUTE))];
        expect(apply(take(lease('n1-fast', serverPlus(60 * MINUTE))), docs)).to.equal(false);
        expect(docs[0]).to.deep.include({ leaseOwner: 'n2' });
      });

      it('the lease a fast node takes ends leaseMs after the server\'s clock, not after its own', () => {
        const docs = [row(null, null)];
        const before = Date.now();
        expect(apply(take(lease('n1-fast', serverPlus(60 * MINUTE))), docs)).to.equal(true);
        const until = Date.parse(docs[0]!.leaseUntil!);
        expect(docs[0]!.leaseOwner).to.equal('n1-fast');
        expect(until).to.be.at.least(before + 5 * MINUTE).and.at.most(Date.now() + 5 * MINUTE);
      });

      it('a lease ended by both clocks is taken; one ended only by a slow node\'s own clock waits for it', () => {
        const ended = [row('n2', serverPlus(-MINUTE))];
        expect(apply(take(lease('n1', serverPlus(0))), ended)).to.equal(true);
        expect(ended[0]).to.deep.include({ leaseOwner: 'n1' });
        const held = [row('n2', serverPlus(2 * MINUTE))];
        expect(apply(take(lease('n1-slow', serverPlus(-10 * MINUTE))), held), 'not ended by the slow node\'s clock').to.equal(false);
        const releasedThenAbsent = [{ ...row(null, null), leaseUntil: undefined }];
        expect(apply(take(lease('n1', serverPlus(0))), releasedThenAbsent), 'a row with no lease field at all').to.equal(true);
      });

      it('an owner named like a field path is stored as written', () => {
        const docs = [row(null, null)];
        expect(apply(take(lease('$status', serverPlus(0))), docs)).to.equal(true);
        expect(docs[0]!.leaseOwner).to.equal('$status');
      });
    });
  }
});
