/**
 * Watches, end to end on the real parts: a Vietnamese importer watching an equipment model is
 * e-mailed, through the outbox and a real SMTP server on loopback, when a report for the model
 * is accepted and when it is revoked, in administrative Vietnamese; not when a report is only
 * submitted; and not after removing the watch. Nobody else sees or removes the watch.
 */
import { expect } from 'chai';
import { isAppError } from '../../src/errors.js';
import { actorOf } from '../../src/principals.js';
import type { PrincipalRecord } from '../../src/store/port.js';
import { addWatch, listWatches, removeWatch } from '../../src/effects/watches/watches.js';
import { MailWorld } from '../helpers/mail-world.js';
import { certificateBody, recognizedBody } from '../helpers/phase-two.js';

const VN_IMPORTER: PrincipalRecord = {
  id: 'importer-phuong-nam',
  name: 'Công ty TNHH Xuất nhập khẩu Phương Nam',
  role: 'importer',
  economy: 'VN',
  organisation: 'importer-phuong-nam',
  email: 'tuanthu@phuongnam.vn.example',
  language: 'vi',
};

describe('watches: e-mail to the watcher', function () {
  this.timeout(20_000);
  let mw: MailWorld;
  beforeEach(async () => {
    mw = await MailWorld.create();
    await mw.world.store.putPrincipal(VN_IMPORTER);
  });
  afterEach(async () => mw.close());

  const toWatcher = () => mw.server.arrivals.filter((a) => a.to.includes(VN_IMPORTER.email));

  it('tells a Vietnamese importer watching a model of the first accepted report and of its revocation, in Vietnamese', async () => {
    const w = mw.world;
    const watcher = actorOf(VN_IMPORTER);
    const watch = await addWatch(w.store, watcher, { type: 'model', economy: 'KR', manufacturer: 'CÔNG TY CỔ PHẦN THIẾT BỊ MẠNG PHƯƠNG NAM', model: 'pn-ax3000' }, w.clock.now());
    const { lab } = await w.recognizedLab();
    w.advanceDays(3);
    const report = await w.submit(lab);
    const dispatcher = mw.dispatcher();
    await dispatcher.runOnce();
    expect(toWatcher(), 'a report under review is not news to a model watcher').to.have.length(0);

    await w.send('test-reports', report.id, { type: 'ACCEPT', comment: 'Internal remark of the regulator' }, 'kr-regulator');
    await dispatcher.runOnce();
    const [accepted] = toWatcher();
    expect(accepted, 'e-mailed on acceptance').to.not.equal(undefined);
    expect(accepted!.mail.headers.get('content-language')).to.equal('vi');
    expect(accepted!.mail.subject).to.match(/PN-AX3000/).and.match(/Hàn Quốc/).and.match(/được chấp nhận/);
    const text = accepted!.mail.text ?? '';
    expect(text).to.include('Kính gửi: Công ty TNHH Xuất nhập khẩu Phương Nam');
    expect(text).to.include('Nội dung theo dõi: thiết bị có ký hiệu (model) PN-AX3000 của Công ty Cổ phần Thiết bị Mạng Phương Nam tại Hàn Quốc');
    expect(text).to.include(`mã theo dõi ${watch.id}`);
    expect(text, 'the way to stop names no API route').to.not.include('POST /watches');
    expect(text, 'it names the page that stops it').to.match(/Để ngừng nhận thư, Quý vị vui lòng hủy theo dõi tại trang \S+\/watching\./);
    expect(text).to.include('/public/test-reports?economy=KR');
    expect(text, 'a watcher is not shown the regulator\'s comment').to.not.include('Internal remark');

    w.advanceDays(1);
    await w.send('test-reports', report.id, { type: 'REVOKE', reason: 'Mẫu thử không phù hợp' }, 'kr-regulator');
    await dispatcher.runOnce();
    expect(toWatcher()).to.have.length(2);
    const revoked = toWatcher()[1]!;
    expect(revoked.mail.subject).to.match(/bị thu hồi/);
    expect(revoked.mail.text).to.include('được chấp nhận → bị thu hồi');
  });

  it('a removed watch sends nothing more; nobody else lists or removes it', async () => {
    const w = mw.world;
    const watcher = actorOf(VN_IMPORTER);
    const watch = await addWatch(w.store, watcher, { type: 'model', economy: 'KR', manufacturer: 'Công ty Cổ phần Thiết bị Mạng Phương Nam', model: 'PN-AX3000' }, w.clock.now());
    const other = w.as('importer-hanbit');
    expect((await listWatches(w.store, other, {})).items).to.deep.equal([]);
    const refused = await removeWatch(w.store, other, watch.id).catch((e: unknown) => e);
    expect(isAppError(refused, 'NOT_FOUND')).to.equal(true);
    const again = await addWatch(w.store, watcher, { type: 'model', economy: 'KR', manufacturer: 'công ty cổ phần thiết bị mạng phương nam', model: 'PN-AX3000' }, w.clock.now()).catch((e: unknown) => e);
    expect(isAppError(again, 'DUPLICATE'), 'the same model in another case is the same watch').to.equal(true);
    await removeWatch(w.store, watcher, watch.id);
    const { lab } = await w.recognizedLab();
    w.advanceDays(3);
    const report = await w.submit(lab);
    await w.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
    await mw.dispatcher().runOnce();
    expect(toWatcher()).to.have.length(0);
  });

  it('a watch on a test report needs a report its owner may read', async () => {
    const w = mw.world;
    const { lab } = await w.recognizedLab();
    w.advanceDays(3);
    const report = await w.submit(lab);
    const refused = await addWatch(w.store, actorOf(VN_IMPORTER), { type: 'instance', kind: 'test-reports', id: report.id }, w.clock.now()).catch((e: unknown) => e);
    expect(isAppError(refused, 'UNKNOWN_REFERENCE'), 'another importer\'s report does not exist for it').to.equal(true);
    const mine = await addWatch(w.store, w.as('importer-hanbit'), { type: 'instance', kind: 'test-reports', id: report.id }, w.clock.now());
    expect(mine.key).to.equal(`test-reports/${report.id}`);
  });
  it('tells a model watcher when a Phase II certificate for the model comes into force, not while the regulator may still set it aside', async () => {
    const w = mw.world;
    await addWatch(w.store, actorOf(VN_IMPORTER), { type: 'model', economy: 'KR', manufacturer: 'Cong ty Co phan Thiet bi Mang Phuong Nam', model: 'PN-AX3000' }, w.clock.now());
    const { body } = await recognizedBody(w);
    const certificate = await w.engine.create('certificates', certificateBody(w), body);
    expect(certificate.state).to.equal('review_window');
    const dispatcher = mw.dispatcher();
    await dispatcher.runOnce();
    expect(toWatcher(), 'a certificate the regulator may still set aside is not news').to.have.length(0);
    w.advanceDays(31);
    expect(await w.fireDue()).to.include('certificates:REVIEW_WINDOW_ENDED');
    await dispatcher.runOnce();
    const [inForce] = toWatcher();
    expect(inForce, 'e-mailed when the certificate is in force').to.not.equal(undefined);
    expect(inForce!.mail.subject).to.match(/PN-AX3000/);
    expect(inForce!.mail.text).to.include('đang có hiệu lực');
  });
});
