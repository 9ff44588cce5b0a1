/**
 * `npm run load` in bounded transactions (src/cli/bulk-reports.ts): a batch is sized by commits,
 * bytes and time, each committed step is journalled, and a load interrupted between a commit and
 * its journal line resumes without writing a report twice. The batching is above the store, so
 * it runs here on the SQLite test store; on MongoDB each batch is one transaction the same way.
 */
import { expect } from 'chai';
import { loadReports, type ReportLoad } from '../../src/cli/bulk-reports.js';
import { nextBatchSize } from '../../src/cli/bulk-batches.js';
import { progressOf, type JournalEntry } from '../../src/cli/load-journal.js';
import { World } from '../helpers/world.js';

describe('bulk load: bounded transactions, a journal, a resumption', () => {
  describe('the size of the next batch', () => {
    const limits = { commits: 500, bytes: 8_000_000, ms: 20_000 };

    it('starts at the commits allowed, then fits half the time allowed at the time per report just measured', () => {
      expect(nextBatchSize(limits)).to.equal(500);
      expect(nextBatchSize(limits, { size: 500, bytes: 1_000_000, ms: 30_000 }), '60 ms a report across regions').to.equal(166);
      expect(nextBatchSize(limits, { size: 500, bytes: 1_000_000, ms: 2_000 }), 'fast: the commits bound it').to.equal(500);
    });

    it('fits the bytes allowed at the bytes per report just measured, and is never below one', () => {
      expect(nextBatchSize(limits, { size: 500, bytes: 16_000_000, ms: 1_000 })).to.equal(250);
      expect(nextBatchSize(limits, { size: 1, bytes: 1, ms: 600_000 })).to.equal(1);
    });
  });

  describe('on a store', () => {
    let world: World;
    let load: Omit<ReportLoad, 'journal' | 'resume'>;
    beforeEach(async () => {
      world = await World.create();
      const { lab } = await world.recognizedLab();
      world.advanceDays(10);
      load = {
        engine: world.engine,
        lab,
        regulator: world.as('kr-regulator'),
        from: 0,
        count: 23,
        acceptEvery: 4,
        body: (n) => world.reportBody({ reportNumber: `LOAD-${n}` }),
      };
    });
    afterEach(() => world.close());

    /** The loaded reports, by number: how many of each, and the state of each. */
    async function loaded(): Promise<Map<string, string[]>> {
      const found = new Map<string, string[]>();
      let cursor: string | undefined;
      do {
        const page = await world.engine.list('test-reports', { limit: 100, ...(cursor ? { cursor } : {}) }, world.as('admin'));
        for (const report of page.items) {
          const number = String(report.data['reportNumber']);
          if (number.startsWith('LOAD-')) found.set(number, [...(found.get(number) ?? []), report.state]);
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return found;
    }

    /** A journal in memory that fails (as a crash would) when asked to write `failOn`, once. */
    function journal(failOn?: (entry: JournalEntry) => boolean) {
      const entries: JournalEntry[] = [{ load: { prefix: 'LOAD', from: 0, count: 23 } }];
      let failed = false;
      return {
        entries,
        append(entry: JournalEntry) {
          if (!failed && failOn?.(entry)) {
            failed = true;
            throw new Error('the process died here');
          }
          entries.push(entry);
        },
      };
    }

    it('sizes each transaction by the time the last one took, and journals every step', async () => {
      let clock = 0;
      const written = journal();
      // A report "takes" 100 ms (the clock moves on by the batch's time at each reading); at most 1 s
      // allowed, of which half is 5 reports.
      const now = () => {
        const last = written.entries.findLast((e) => 'begin' in e) as { begin: [number, number] };
        return (clock += (last.begin[1] - last.begin[0]) * 100);
      };
      await loadReports({ ...load, batch: 10, limits: { ms: 1_000 }, now, journal: written });
      const begun = written.entries.filter((e) => 'begin' in e).map((e) => (e).begin);
      expect(begun).to.deep.equal([[0, 10], [10, 15], [15, 20], [20, 23]]);
      expect(progressOf(written.entries)).to.deep.include({ next: 23, unfinished: null });
      const reports = await loaded();
      expect(reports.size).to.equal(23);
      expect([...reports].filter(([, states]) => states[0] === 'accepted').map(([n]) => n).sort()).to.deep.equal(['LOAD-0', 'LOAD-12', 'LOAD-16', 'LOAD-20', 'LOAD-4', 'LOAD-8']);
    });

    for (const [moment, failOn] of [
      ['after a batch was created, before its journal line', (e: JournalEntry) => 'created' in e && e.created[0] === 10],
      ['after a batch was accepted, before its journal line', (e: JournalEntry) => 'accepted' in e && e.accepted[0] === 10],
      ['after a batch was begun, before its commit', (e: JournalEntry) => 'begin' in e && e.begin[0] === 10],
    ] as const) {
      it(`interrupted ${moment}, resumes and writes every report once`, async () => {
        const written = journal(failOn);
        // A crash on the `begin` line falls before the commit: simulated by a journal line that fails before createMany runs.
        const first = await loadReports({ ...load, batch: 5, journal: written }).then(
          () => null,
          (error: unknown) => error,
        );
        expect((first as Error).message).to.equal('the process died here');
        const progress = progressOf(written.entries);
        expect(progress.next).to.equal(10);
        await loadReports({ ...load, batch: 5, journal: written, resume: progress });
        const reports = await loaded();
        expect(reports.size).to.equal(23);
        expect([...reports.values()].every((states) => states.length === 1), 'no report twice').to.equal(true);
        expect(reports.get('LOAD-12'), 'the acceptances of the interrupted batch are made').to.deep.equal(['accepted']);
        expect(progressOf(written.entries)).to.deep.include({ next: 23, unfinished: null });
      });
    }
  });
});
