/**
 * Every transition e-mails every party, each in their own language: transitions of each machine
 * run through the engine, the dispatcher sends the outbox to a real SMTP server on loopback, and
 * what arrives is parsed and read: recipients, subject, text and HTML.
 */
import { expect } from 'chai';
import type { ParsedMail } from 'mailparser';
import type { OutboxDispatcher } from '../../src/effects/mail/index.js';
import type { Arrival } from '../helpers/mail-server.js';
import { MailWorld, PUBLIC_URL } from '../helpers/mail-world.js';
import { daysFrom, type World } from '../helpers/world.js';

/** The arrivals by envelope recipient; each recipient gets exactly one e-mail per transition. */
function byRecipient(arrivals: Arrival[]): Map<string, ParsedMail> {
  const mails = new Map<string, ParsedMail>();
  for (const arrival of arrivals) {
    expect(arrival.to, 'one recipient per message').to.have.length(1);
    expect(mails.has(arrival.to[0]!), `${arrival.to[0]} got two e-mails`).to.equal(false);
    mails.set(arrival.to[0]!, arrival.mail);
  }
  return mails;
}

function mailTo(mails: Map<string, ParsedMail>, address: string): ParsedMail {
  const mail = mails.get(address);
  if (!mail) throw new Error(`no e-mail to ${address}; got ${[...mails.keys()].join(', ')}`);
  return mail;
}

/** Subject, text and HTML agree, and the message says what language it is in. */
function expectWellFormed(mail: ParsedMail, language: 'en' | 'vi', link: string): void {
  expect(mail.headers.get('content-language')).to.equal(language);
  expect(mail.text).to.contain(mail.subject);
  expect(mail.text).to.contain(link);
  expect(mail.html).to.contain(`lang="${language}"`).and.to.contain(`href="${link}"`);
  for (const part of [mail.subject ?? '', mail.text ?? '', String(mail.html)]) {
    expect(part).to.not.match(/undefined|\[object|\{economy\}/);
  }
}

describe('E-mail on every transition', function () {
  this.timeout(30_000);
  let mw: MailWorld;
  let world: World;
  let dispatcher: OutboxDispatcher;

  beforeEach(async () => {
    mw = await MailWorld.create();
    world = mw.world;
    dispatcher = mw.dispatcher();
  });
  afterEach(async () => mw.close());

  /** Runs `act`, then one dispatcher pass, and answers what arrived meanwhile. */
  async function arrivalsOf(act: () => Promise<unknown>): Promise<Arrival[]> {
    await dispatcher.runOnce();
    const mark = mw.mark();
    await act();
    const report = await dispatcher.runOnce();
    expect(report.retried + report.dead, 'nothing failed').to.equal(0);
    return mw.since(mark);
  }

  /** The e-mails of one transition, by recipient. */
  async function mailsOf(act: () => Promise<unknown>): Promise<Map<string, ParsedMail>> {
    return byRecipient(await arrivalsOf(act));
  }

  it('agreements: a first signature and the one that makes it operational, in English and Vietnamese', async () => {
    const agreement = await world.agreement({ sign: false });
    const link = `${PUBLIC_URL}/records/agreements/${agreement.id}`;

    const first = await mailsOf(() => world.send('agreements', agreement.id, { type: 'SIGN', comment: 'Ký thay mặt Việt Nam.' }, 'vn-regulator'));
    expect([...first.keys()]).to.have.members(['mra@vnta.vn.example', 'mra@most.vn.example', 'mra@rra.kr.example', 'designation@rra.kr.example']);
    const krFirst = mailTo(first, 'mra@rra.kr.example');
    expect(krFirst.subject).to.equal('MRA Viet Nam – Republic of Korea, Phase I: signed for Viet Nam');
    expect(krFirst.text).to.contain('Comment: Ký thay mặt Việt Nam.').and.to.contain('By: Cục Viễn thông (VNTA), regulator, Viet Nam');
    expect(mailTo(first, 'mra@vnta.vn.example').subject).to.equal('Thỏa thuận MRA Việt Nam – Hàn Quốc, giai đoạn I: Việt Nam đã ký');

    const second = await mailsOf(() => world.send('agreements', agreement.id, { type: 'SIGN' }, 'kr-regulator'));
    const en = mailTo(second, 'designation@rra.kr.example');
    expect(en.subject).to.equal('MRA Viet Nam – Republic of Korea, Phase I: operational');
    expect(en.text)
      .to.contain('Dear RRA Designation Office,')
      .and.to.contain('What happened: Signed for Republic of Korea (being negotiated → operational)')
      .and.to.contain('By: National Radio Research Agency (RRA), regulator, Republic of Korea')
      .and.to.contain('When: 2026-01-05 09:00 UTC')
      .and.to.contain('What happens next:\nThe agreement is in force')
      .and.to.contain('You receive this e-mail as a party to this agreement: designating authority, Republic of Korea.');
    expectWellFormed(en, 'en', link);

    const vi = mailTo(second, 'mra@most.vn.example');
    expect(vi.subject).to.equal('Thỏa thuận MRA Việt Nam – Hàn Quốc, giai đoạn I: đang có hiệu lực');
    expect(vi.text)
      .to.contain('Kính gửi: Bộ Khoa học và Công nghệ (MOST)\n')
      .and.to.contain('Nội dung: Hàn Quốc đã ký (đang đàm phán → đang có hiệu lực)')
      .and.to.contain('Thời điểm: 16 giờ 00 ngày 05/01/2026 (giờ Việt Nam)')
      .and.to.contain('Bước tiếp theo:\nThỏa thuận đang có hiệu lực')
      .and.to.contain('với tư cách cơ quan chỉ định của Việt Nam');
    expectWellFormed(vi, 'vi', link);
  });

  it('accreditations: a deadline that falls due is told as automatic, with its cause; each recipient reads their own language', async () => {
    const lab = await world.addLab();
    const cab = (await world.store.getCab(lab.cabId!))!;
    await world.store.putCab({ ...cab, language: 'en' });
    // Valid for a year: the renewal reminder comes before the on-site visit reminder.
    const accreditation = await world.accreditation(cab.id, { validUntil: daysFrom(world.clock.now().toISOString(), 365) });
    const [reminder] = (await world.store.pendingDeadlines('accreditations', accreditation.id)).filter((d) => d.event === 'RENEWAL_DUE');

    world.clock.set(reminder!.dueAt);
    const mails = await mailsOf(() => world.fireDue());
    expect([...mails.keys()]).to.have.members([cab.email, 'vilas@boa.vn.example', 'mra@most.vn.example']);

    const en = mailTo(mails, cab.email);
    const certificate = String(accreditation.data['certificateNumber']);
    expect(en.subject).to.equal(`Accreditation ${certificate} of ${cab.name}: due for renewal`);
    expect(en.text)
      .to.contain('What happened: Renewal due (active → due for renewal)')
      .and.to.contain('By: MRA Engine (automatic)')
      .and.to.contain(`Why: Renewal reminder, due ${reminder!.dueAt.slice(0, 10)} ${reminder!.dueAt.slice(11, 16)} UTC`)
      .and.to.contain('Deadlines:\n  - End of validity: ')
      .and.to.contain('You receive this e-mail as a party to this accreditation: lab.');
    expectWellFormed(en, 'en', `${PUBLIC_URL}/records/accreditations/${accreditation.id}`);

    const vi = mailTo(mails, 'vilas@boa.vn.example');
    expect(vi.subject).to.equal(`Chứng chỉ công nhận ${certificate} của ${cab.name}: đến hạn đánh giá lại`);
    expect(vi.text).to.contain('Đơn vị thực hiện: Hệ thống MRA (tự động)').and.to.contain('Nguyên nhân: Nhắc đánh giá lại, đến hạn ').and.to.contain('Hết thời hạn hiệu lực: ');
  });

  it('recognitions: the regulator asks for information, then recognizes the lab with a designation number and a listing', async () => {
    const { agreement } = await world.recognizedLab();
    const second = await world.addLab();
    await world.accreditation(second.cabId!);
    const application = await world.recognition(agreement.id, second.cabId!, { recognize: false });
    const secondCab = (await world.store.getCab(second.cabId!))!;

    const asked = await mailsOf(() =>
      world.send('recognitions', application.id, { type: 'REQUEST_INFO', request: 'Please provide the proficiency-testing results.' }, 'kr-regulator'),
    );
    expect([...asked.keys()]).to.have.members([secondCab.email, 'mra@rra.kr.example', 'mra@most.vn.example']);
    expect(mailTo(asked, 'mra@rra.kr.example').text).to.contain('Information requested: Please provide the proficiency-testing results.');
    expect(mailTo(asked, secondCab.email).subject).to.equal(`Hồ sơ đề nghị Hàn Quốc thừa nhận ${secondCab.name}: đang chờ bổ sung thông tin`);

    await world.send('recognitions', application.id, { type: 'PROVIDE_INFO', response: 'Đã gửi kết quả.' }, 'vn-designating-authority');
    const recognized = await mailsOf(() => world.send('recognitions', application.id, { type: 'RECOGNIZE' }, 'kr-regulator'));
    const now = await world.engine.get('recognitions', application.id, world.as('admin'));
    const designation = String(now.data['designationNumber']);

    const en = mailTo(recognized, 'mra@rra.kr.example');
    expect(en.subject).to.equal(`Recognition of ${secondCab.name} by KR: recognized`);
    expect(en.text)
      .to.contain(`Designation number: ${designation}`)
      .and.to.contain(`Listed until: ${String(now.data['validUntil']).slice(0, 10)}`)
      .and.to.contain('  - Listing expiry reminder: ')
      .and.to.contain('  - End of the listing: ');
    expectWellFormed(en, 'en', `${PUBLIC_URL}/records/recognitions/${application.id}`);

    const vi = mailTo(recognized, secondCab.email);
    expect(vi.subject).to.equal(`Hồ sơ đề nghị Hàn Quốc thừa nhận ${secondCab.name}: đã được thừa nhận`);
    expect(vi.text).to.contain(`Số chỉ định: ${designation}`).and.to.contain('Nhắc sắp hết thời hạn thừa nhận: ').and.to.contain('với tư cách tổ chức đánh giá sự phù hợp');
    expectWellFormed(vi, 'vi', `${PUBLIC_URL}/records/recognitions/${application.id}`);
  });

  it('test reports: a rejection gives its reasons; a cascade says which change caused it', async () => {
    const { lab, recognition } = await world.recognizedLab();
    const cab = (await world.store.getCab(lab.cabId!))!;
    world.advanceDays(3);
    const report = await world.submit(lab);
    const number = String(report.data['reportNumber']);

    const rejected = await mailsOf(() =>
      world.send('test-reports', report.id, { type: 'REJECT', reason: 'Thiếu kết quả phát xạ giả băng 5 GHz.' }, 'kr-regulator'),
    );
    expect([...rejected.keys()]).to.have.members([cab.email, 'mra@rra.kr.example', 'compliance@hanbit.kr.example']);
    const importer = mailTo(rejected, 'compliance@hanbit.kr.example');
    expect(importer.subject).to.equal(`Test report ${number} (PN-AX3000) for KR: rejected`);
    expect(importer.text)
      .to.contain('Reason: Thiếu kết quả phát xạ giả băng 5 GHz.')
      .and.to.contain('Reasons:\n  - Rejected by the importing regulator: Thiếu kết quả phát xạ giả băng 5 GHz.')
      .and.to.contain('Equipment: Công ty Cổ phần Thiết bị Mạng Phương Nam PN-AX3000 (Wi-Fi router)')
      .and.to.contain('Importer: Hanbit Trading Co., Ltd.');
    const labMail = mailTo(rejected, cab.email);
    expect(labMail.subject).to.equal(`Báo cáo thử nghiệm ${number} (PN-AX3000) gửi Hàn Quốc: bị từ chối`);
    expect(labMail.text).to.contain('Lý do:\n  - Báo cáo không được cơ quan quản lý của nền kinh tế nhập khẩu chấp nhận: Thiếu kết quả phát xạ giả băng 5 GHz.');
    expectWellFormed(labMail, 'vi', `${PUBLIC_URL}/records/test-reports/${report.id}`);

    const pending = await world.submit(lab);
    world.advanceDays(1);
    const cascaded = await arrivalsOf(() => world.send('recognitions', recognition.id, { type: 'WITHDRAW', reason: 'Ngừng hoạt động.' }, 'vn-designating-authority'));
    const aboutReport = (address: string): ParsedMail => {
      const found = cascaded.find((a) => a.to[0] === address && a.mail.subject?.includes(String(pending.data['reportNumber'])));
      if (!found) throw new Error(`no e-mail about the report to ${address}`);
      return found.mail;
    };
    // The withdrawal itself mails the recognition's parties; the report's parties hear of the rejection it caused.
    expect(aboutReport('compliance@hanbit.kr.example').text)
      .to.contain("What happened: The lab's recognition ended (under review → rejected)")
      .and.to.contain('By: MRA Engine (automatic)')
      .and.to.contain(`Why: Follows from recognition ${recognition.id}, now withdrawn`)
      .and.to.contain("  - The lab's recognition ended before a decision: ");
    expect(aboutReport(cab.email).text)
      .to.contain(`Nguyên nhân: Do việc thừa nhận ${recognition.id} chuyển sang trạng thái đã bị hủy bỏ hiệu lực`)
      .and.to.contain('Việc thừa nhận phòng thử nghiệm đã chấm dứt trước khi có quyết định (LAB_RECOGNITION_ENDED)');
  });

  it('every e-mail carries the Message-ID of its outbox message and the thread of its instance', async () => {
    const { lab } = await world.recognizedLab();
    world.advanceDays(1);
    await world.submit(lab);
    await dispatcher.runOnce();
    const sent = (await world.store.listOutbox({ status: 'sent', limit: 200 })).items;
    expect(sent.length).to.be.greaterThan(10);
    const arrivals = new Map(mw.server.arrivals.map((a) => [a.mail.messageId, a]));
    expect(arrivals.size, 'no Message-ID twice').to.equal(mw.server.arrivals.length);
    for (const message of sent) {
      const arrival = arrivals.get(mw.messageId(message.id));
      expect(arrival, message.id).to.not.equal(undefined);
      expect(arrival!.to).to.deep.equal([message.recipient.address]);
      expect(arrival!.mail.references).to.equal(`<${message.notification!.kind}.${message.notification!.instanceId}@mra.example.gov.vn>`);
      expect(arrival!.mail.date?.toISOString()).to.equal(message.notification!.at);
      expect(message.response).to.match(/^250 /);
    }
  });
});
