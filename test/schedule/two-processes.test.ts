/**
 * Several nodes on one store, as real processes: the demo is seeded by one service, then two
 * service processes start at once on the same store (one SQLite file in WAL mode, or one MongoDB
 * database with MRA_TEST_STORE=mongodb), with the clock years ahead, and work through the backlog
 * together. Every due deadline fires once (one history entry, summed across both nodes' logs), and
 * every e-mail is sent once (one `.eml` file across every node's mail folder).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { OutboxMessage } from '../../src/store/port.js';
import { runService, startServiceProcess, type RunResult } from '../helpers/service-process.js';
import { testStores, type TestStore } from '../helpers/store-factory.js';
import { tempDir } from '../helpers/world.js';

async function allMessages(opened: TestStore): Promise<OutboxMessage[]> {
  const messages: OutboxMessage[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<TestStore['store']['listOutbox']>> = await opened.store.listOutbox({ limit: 200, cursor });
    messages.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return messages;
}

const emlFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
};

describe(`Two service processes on one ${testStores.name} store`, function () {
  this.timeout(120_000);
  let dir: string;
  let remove: () => void;
  let opened: TestStore;
  before(async () => {
    ({ dir, remove } = tempDir('mra-two-nodes-'));
    opened = await testStores.open();
  });
  after(async () => {
    await opened.dispose();
    remove();
  });

  it('fire every due deadline once and send every e-mail once between them', async () => {
    const mailDirs = ['seed', 'node-a', 'node-b'].map((name) => join(dir, name));
    const seeded = await runService({ ...opened.serviceEnv, MRA_MAIL_DIR: mailDirs[0]!, MRA_SCHEDULER_INTERVAL_MS: '3600000' }, (line) =>
      line.msg.startsWith('MRA engine running'),
    );
    expect(seeded.exitCode).to.equal(0);

    const now = new Date(Date.now() + 10 * 365 * 86_400_000).toISOString();
    const dueBefore = (await opened.probe.deadlines()).filter((d) => d.status === 'pending' && d.dueAt <= now);
    expect(dueBefore.length, 'the demo leaves deadlines that fall due by then').to.be.greaterThan(5);

    const node = (mailDir: string) =>
      startServiceProcess({ ...opened.serviceEnv, MRA_NOW: now, MRA_MAIL_DIR: mailDir, MRA_SCHEDULER_INTERVAL_MS: '100', MRA_MAIL_INTERVAL_MS: '50' }, 60_000);
    const nodes = await Promise.all([node(mailDirs[1]!), node(mailDirs[2]!)]);
    let results: RunResult[];
    try {
      // Until nothing is due and nothing is waiting to be sent.
      for (let waited = 0; ; waited += 200) {
        const pendingDue = (await opened.probe.deadlines()).filter((d) => d.status === 'pending' && d.dueAt <= now);
        const counts = await opened.store.outboxCounts();
        if (pendingDue.length === 0 && counts.pending === 0) break;
        if (waited > 60_000) throw new Error(`still ${pendingDue.length} deadlines due and ${counts.pending} e-mails pending`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      results = await Promise.all(nodes.map((n) => n.stop()));
    }
    expect(results.map((r) => r.exitCode)).to.deep.equal([0, 0]);

    // Deadlines: each fired once, and the two nodes' own counts add up to what the store shows.
    const fired = (await opened.probe.history()).filter((e) => e.at >= now && (e.cause?.['deadline'] as { id?: string } | undefined)?.id !== undefined);
    const firedIds = fired.map((e) => (e.cause!['deadline'] as { id: string }).id);
    expect(new Set(firedIds).size, 'no deadline fired twice').to.equal(firedIds.length);
    const after = new Map((await opened.probe.deadlines()).map((d) => [d.id, d]));
    // A due deadline fired, or was cancelled by an earlier one that moved its instance on.
    for (const d of dueBefore) expect(after.get(d.id)?.status, `${d.kind}/${d.instanceId} ${d.event}`).to.be.oneOf(['done', 'cancelled']);
    const done = [...after.values()].filter((d) => d.status === 'done' && d.source === 'state' && d.dueAt <= now && d.dueAt > new Date().toISOString());
    for (const d of done) expect(firedIds, `${d.kind}/${d.instanceId} ${d.event} done without firing`).to.include(d.id);
    const logged = results.flatMap((r) => r.lines).filter((l) => l.msg === 'due deadlines fired');
    expect(logged.reduce((sum, l) => sum + Number(l['fired']), 0), 'fired, as the nodes counted').to.equal(fired.length);
    expect(logged.reduce((sum, l) => sum + Number(l['failed']), 0)).to.equal(0);

    // E-mails: every message sent, and each written exactly once across every node's folder.
    const messages = await allMessages(opened);
    expect(messages.filter((m) => m.status !== 'sent').map((m) => [m.id, m.status, m.lastError])).to.deep.equal([]);
    const files = mailDirs.flatMap(emlFiles);
    expect(files.length, 'one file per message').to.equal(messages.length);
    expect(new Set(files).size, 'no message sent by two nodes').to.equal(files.length);
    expect(new Set(files)).to.deep.equal(new Set(messages.map((m) => `${m.id}.eml`)));
    const byNode = mailDirs.slice(1).map((d) => emlFiles(d).length);
    expect(byNode[0]! + byNode[1]!, 'the two nodes sent what the firings queued').to.be.greaterThan(fired.length);
  });
});
