/**
 * E-mail as `npm start` sends it, in a real child process: without SMTP_URL the demo's e-mails are
 * written as readable `.eml` files; with it, a process killed in the middle of a batch and started
 * again delivers every message, and a message sent twice carries the same Message-ID both times.
 */
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { MailServer } from '../helpers/mail-server.js';
import { runService, type LogLine } from '../helpers/service-process.js';
import { testStores, type TestStore } from '../helpers/store-factory.js';
import { tempDir } from '../helpers/world.js';

const passDone = (line: LogLine): boolean => line.msg === 'outbox pass';

/** The outbox as the store holds it once the service has stopped, read through the port. */
async function outboxRows(opened: TestStore): Promise<Array<{ id: string; status: string }>> {
  const rows: Array<{ id: string; status: string }> = [];
  let cursor: string | null = null;
  do {
    const page = await opened.store.listOutbox({ limit: 200, cursor });
    rows.push(...page.items.map(({ id, status }) => ({ id, status })));
    cursor = page.nextCursor;
  } while (cursor);
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

describe('E-mail from npm start', function () {
  this.timeout(60_000);
  let dir: string;
  let remove: () => void;
  let opened: TestStore;
  beforeEach(async () => {
    ({ dir, remove } = tempDir('mra-mail-'));
    opened = await testStores.open();
  });
  afterEach(async () => {
    await opened.dispose();
    remove();
  });

  it('without SMTP_URL, writes each of the demo e-mails as a readable .eml file named after its outbox message', async () => {
    // The service listens on any free port (PORT=0), so the links' base is given.
    const env = { ...opened.serviceEnv, MRA_MAIL_DIR: join(dir, 'mail'), MRA_PUBLIC_URL: 'https://mra.example.gov.vn' };
    const run = await runService(env, passDone);
    expect(run.exitCode).to.equal(0);
    expect(run.lines.find((l) => l['transport'] === 'eml')).to.deep.include({
      target: env.MRA_MAIL_DIR,
      msg: `e-mail is written as .eml files in ${env.MRA_MAIL_DIR} (SMTP_URL is unset)`,
    });

    const rows = await outboxRows(opened);
    expect(rows.length).to.be.greaterThan(50);
    expect(rows.every((r) => r.status === 'sent')).to.equal(true);
    const files = readdirSync(env.MRA_MAIL_DIR).sort();
    expect(files).to.deep.equal(rows.map((r) => `${r.id}.eml`).sort());

    const mails: ParsedMail[] = [];
    for (const file of files) {
      const mail = await simpleParser(readFileSync(join(env.MRA_MAIL_DIR, file)));
      expect(mail.messageId).to.equal(`<${file.slice(0, -4)}@localhost>`);
      mails.push(mail);
    }

    const toLab = mails.find((mail) => mail.subject === 'Báo cáo thử nghiệm SHT-RF-0001 (PN-AX3000) gửi Hàn Quốc: được chấp nhận');
    expect(toLab?.to).to.deep.include({ text: '"Phòng thử nghiệm Viễn thông Sông Hồng" <lab@songhong.vn.example>' });
    expect(toLab?.text).to.contain('Kính gửi: Phòng thử nghiệm Viễn thông Sông Hồng\n').and.to.contain('Chấp nhận đến: ');
    const toImporter = mails.find(
      (mail) => mail.subject === 'Test report SHT-RF-0001 (PN-AX3000) for KR: accepted' && JSON.stringify(mail.to).includes('compliance@hanbit.kr.example'),
    );
    expect(toImporter?.text).to.contain('Dear Hanbit Trading Co., Ltd.,').and.to.contain('View details: https://mra.example.gov.vn/records/test-reports/tr-sh-0001');
  });

  it('killed in the middle of a batch and started again, delivers every message; a copy sent twice has the same Message-ID', async () => {
    const server = await MailServer.start();
    try {
      let child: ChildProcess | undefined;
      // The fifth message reaches the server, but the process dies before the server answers it.
      server.onArrival = () => {
        if (server.arrivals.length < 5) return true;
        child?.kill('SIGKILL');
        return false;
      };
      const env = { ...opened.serviceEnv, SMTP_URL: server.url, MAIL_FROM: 'MRA Engine <no-reply@mra.example.gov.vn>' };
      const crashed = await runService(env, () => false, 20_000, (c) => (child = c));
      expect(crashed.exitCode, 'killed').to.equal(null);
      expect(crashed.lines.find((l) => l['transport'] === 'smtp')?.msg).to.equal(`e-mail is sent through ${server.url}`);
      // A batch's results are written together once the batch ends: the killed batch recorded none.
      const afterCrash = await outboxRows(opened);
      expect(afterCrash.filter((r) => r.status === 'sent')).to.have.length(0);
      const beforeCrash = new Set(server.messageIds());
      expect(beforeCrash.size).to.be.at.least(5);

      server.onArrival = () => true;
      // Started an hour later (MRA_NOW), when the dead process's leases have run out.
      const later = new Date(Date.now() + 3_600_000).toISOString();
      const restarted = await runService({ ...env, MRA_NOW: later }, passDone);
      expect(restarted.exitCode).to.equal(0);

      const rows = await outboxRows(opened);
      expect(rows.every((r) => r.status === 'sent')).to.equal(true);
      const expected = rows.map((r) => `<${r.id}@mra.example.gov.vn>`);
      const received = server.messageIds();
      expect([...new Set(received)]).to.have.members(expected);
      const twice = [...new Set(received.filter((id, i) => received.indexOf(id) !== i))];
      expect(twice, 'the messages of the batch the process died in, and only those').to.have.members([...beforeCrash]);
      for (const id of twice) {
        const copies = server.arrivals.filter((a) => a.mail.messageId === id);
        expect(copies, id).to.have.length(2);
        expect(copies[1]!.to).to.deep.equal(copies[0]!.to);
        expect(copies[1]!.mail.subject).to.equal(copies[0]!.mail.subject);
        expect(copies[1]!.mail.text).to.equal(copies[0]!.mail.text);
      }
    } finally {
      await server.close();
    }
  });
});
