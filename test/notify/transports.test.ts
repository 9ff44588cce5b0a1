/**
 * The transports: SMTP as `SMTP_URL` says (implicit TLS for smtps://, STARTTLS when offered for
 * smtp://, credentials from the URL and never in the log), and `.eml` files when it is unset.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { MailMessage } from '../../src/effects/mail/mail-message.js';
import { EmlFileTransport, SmtpTransport, transportFor } from '../../src/effects/mail/transports/index.js';
import { withoutCredentials } from '../../src/effects/mail/transports/smtp-transport.js';
import { MailServer } from '../helpers/mail-server.js';
import { tempDir } from '../helpers/world.js';

const message: MailMessage = {
  outboxId: '01930000-0000-7000-8000-000000000001',
  messageId: '<01930000-0000-7000-8000-000000000001@mra.example.gov.vn>',
  threadId: '<recognitions.rec-1@mra.example.gov.vn>',
  from: 'MRA Engine <no-reply@mra.example.gov.vn>',
  to: { name: 'Phòng thử nghiệm Viễn thông Sông Hồng', address: 'lab@songhong.vn.example' },
  subject: 'Hồ sơ đề nghị Hàn Quốc thừa nhận Phòng thử nghiệm Viễn thông Sông Hồng: đã được thừa nhận',
  text: 'Kính gửi: Phòng thử nghiệm Viễn thông Sông Hồng\n',
  html: '<p>Kính gửi: Phòng thử nghiệm Viễn thông Sông Hồng</p>\n',
  language: 'vi',
  date: new Date('2026-01-05T09:00:00.000Z'),
};

describe('Mail transports', function () {
  this.timeout(20_000);
  let server: MailServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function sendThrough(url: string): Promise<{ response: string; secure: boolean; user: string | undefined }> {
    const transport = new SmtpTransport(url);
    try {
      const response = await transport.send(message);
      const [arrival] = server!.arrivals;
      expect(arrival!.mail.subject).to.equal(message.subject);
      return { response, secure: arrival!.secure, user: arrival!.user };
    } finally {
      await transport.close();
    }
  }

  it('smtps:// speaks TLS from the first byte', async () => {
    server = await MailServer.start({ secure: true });
    const sent = await sendThrough(`smtps://127.0.0.1:${server.port}/?tls.rejectUnauthorized=false`);
    expect(sent.secure).to.equal(true);
    expect(sent.response).to.match(/^250 /);
  });

  it('smtp:// upgrades with STARTTLS when the server offers it, and logs in with the credentials of the URL', async () => {
    server = await MailServer.start({
      starttls: true,
      onAuth: (auth, _session, callback) =>
        auth.username === 'mra' && auth.password === 's3cret' ? callback(null, { user: 'mra' }) : callback(new Error('Invalid credentials')),
    });
    const url = `smtp://mra:s3cret@127.0.0.1:${server.port}/?tls.rejectUnauthorized=false`;
    const sent = await sendThrough(url);
    expect(sent).to.deep.include({ secure: true, user: 'mra' });
    expect(new SmtpTransport(url).target, 'what the start-up log shows').to.equal(`smtp://127.0.0.1:${server.port}`);
    expect(withoutCredentials('smtps://user%40x:p@ss@mail.example.gov.vn:465')).to.equal('smtps://mail.example.gov.vn:465');
  });

  it('hands the SMTP server the message a .eml file holds, header for header and part for part', async () => {
    server = await MailServer.start();
    const { dir, remove } = tempDir('mra-eml-');
    const smtp = new SmtpTransport(`smtp://127.0.0.1:${server.port}`);
    try {
      await smtp.send(message);
      await new EmlFileTransport(dir).send(message);
      const [arrival] = server.arrivals;
      expect(arrival!.to).to.deep.equal(['lab@songhong.vn.example']);
      // Only the MIME boundary, random per message, differs between two writings of one message.
      const boundaries = (raw: Buffer): string => raw.toString('latin1').replace(/_NmP-[\w-]+/g, 'BOUNDARY');
      expect(boundaries(arrival!.raw)).to.equal(boundaries(readFileSync(join(dir, `${message.outboxId}.eml`))));
    } finally {
      await smtp.close();
      remove();
    }
  });

  it('without SMTP_URL, writes each message as <outbox id>.eml, and a second send rewrites the same file', async () => {
    const { dir, remove } = tempDir('mra-eml-');
    try {
      const transport = transportFor({ smtpUrl: null, mailDir: join(dir, 'mail') });
      expect(transport).to.be.instanceOf(EmlFileTransport);
      const response = await transport.send(message);
      await transport.send(message);
      const file = join(dir, 'mail', `${message.outboxId}.eml`);
      expect(response).to.equal(`written to ${file}`);
      expect(readdirSync(join(dir, 'mail'))).to.deep.equal([`${message.outboxId}.eml`]);
      const raw = readFileSync(file);
      expect(raw.toString('latin1')).to.match(/^Message-ID: <01930000-0000-7000-8000-000000000001@mra\.example\.gov\.vn>\r$/m);
      const parsed = await simpleParser(raw);
      expect(parsed).to.deep.include({ subject: message.subject, text: message.text, messageId: message.messageId });
      expect(parsed.headers.get('auto-submitted')).to.equal('auto-generated');
    } finally {
      remove();
    }
  });
});
