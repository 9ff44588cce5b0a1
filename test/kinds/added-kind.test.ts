/**
 * A kind added from its folder alone: `test/fixtures/kinds/permit/` holds a machine with its
 * table, its schemas and its words in English and Vietnamese, and nothing else in the project
 * names it. Registered before the service is built, it gets its API routes, its OpenAPI entries,
 * its history, its pages and its e-mails like the built-in kinds.
 */
import { expect } from 'chai';
import { registerKind } from '../../src/kinds/index.js';
import { MessageComposer, OutboxDispatcher } from '../../src/effects/mail/index.js';
import { SmtpTransport } from '../../src/effects/mail/transports/index.js';
import { ApiWorld } from '../helpers/api.js';
import { MailServer } from '../helpers/mail-server.js';
import { KeptLog, MAIL_FROM, PUBLIC_URL } from '../helpers/mail-world.js';
import { PagePerson } from '../helpers/people.js';
import { permitKind } from '../fixtures/kinds/permit/index.js';

type Resource = { id: string; kind: string; state: string; version: number; data: Record<string, unknown>; nextEvents: string[] };

describe('a kind added from a fixture folder (permits)', function () {
  this.timeout(30_000);
  let unregister: () => void;
  let api: ApiWorld;
  let mail: MailServer;
  let permit: Resource;

  before(async () => {
    unregister = registerKind(permitKind);
    api = await ApiWorld.create();
    mail = await MailServer.start();
    permit = (await api.post<Resource>('/permits', { station: 'XV-7', economy: 'VN' }, 'lab-song-hong')).body;
  });
  after(async () => {
    await mail.close();
    await api.close();
    unregister();
  });

  it('creates one through POST /permits, as its table allows, and reads it back', async () => {
    expect(permit).to.deep.include({ kind: 'permits', state: 'requested', version: 1 });
    expect(permit.data).to.deep.include({ station: 'XV-7', economy: 'VN', holderId: 'lab-song-hong' });
    expect(permit.nextEvents, 'the lab may send none of its events').to.deep.equal([]);
    const read = await api.get<Resource>(`/permits/${permit.id}`, 'vn-regulator');
    expect(read.status).to.equal(200);
    expect(read.body.state).to.equal('requested');
    expect(read.body.nextEvents).to.have.members(['GRANT', 'REFUSE']);
  });

  it('refuses what its schema and its table refuse', async () => {
    expect((await api.post('/permits', { station: 'XV-8', economy: 'VN', colour: 'red' }, 'lab-song-hong')).status).to.equal(400);
    expect((await api.post('/permits', { station: 'XV-8', economy: 'VN' }, 'vn-regulator')).status).to.equal(403);
  });

  it('lists and searches it by the fields its table names', async () => {
    const list = await api.get<{ items: Resource[] }>('/permits?station=XV-7', 'vn-regulator');
    expect(list.status).to.equal(200);
    expect(list.body.items.map((p) => p.id)).to.deep.equal([permit.id]);
  });

  it('publishes its routes and bodies in the OpenAPI document', async () => {
    const document = (await api.get<{ paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>('/openapi.json')).body;
    expect(document.paths['/permits']).to.have.keys(['get', 'post']);
    expect(document.paths['/permits/{id}']).to.have.keys(['get']);
    expect(document.paths['/permits/{id}/events']).to.have.keys(['post']);
    expect(document.paths['/permits/{id}/history']).to.have.keys(['get']);
    expect(document.components.schemas).to.include.keys(['permits.create', 'permits.events.GRANT']);
  });

  it('takes an event from the party its table names, records it in history and mails the regulator in their language', async () => {
    const mark = mail.arrivals.length;
    const granted = await api.post<Resource>(`/permits/${permit.id}/events`, { type: 'GRANT', comment: 'Call sign checked.' }, 'vn-regulator');
    expect(granted.status, granted.text).to.equal(200);
    expect(granted.body.state).to.equal('granted');
    const history = await api.get<{ items: Array<{ type: string; from: string | null; to: string }> }>(`/permits/${permit.id}/history`, 'vn-regulator');
    expect(history.body.items.map((h) => [h.type, h.from, h.to])).to.deep.equal([
      ['CREATE', null, 'requested'],
      ['GRANT', 'requested', 'granted'],
    ]);

    const dispatcher = new OutboxDispatcher({
      outbox: api.world.store,
      composer: new MessageComposer({ directory: api.world.store, publicUrl: PUBLIC_URL, mailFrom: MAIL_FROM }),
      transport: new SmtpTransport(mail.url),
      clock: api.world.clock,
      owner: 'node-a',
      intervalMs: 10,
      maxAttempts: 3,
      batchSize: 20,
      log: new KeptLog(),
    });
    await dispatcher.runOnce();
    await dispatcher.stop();
    const subjects = mail.arrivals.slice(mark).filter((a) => a.to.includes('mra@vnta.vn.example')).map((a) => a.mail.subject);
    // The VN regulator reads Vietnamese: the permit's own words, its subject and its state.
    expect(subjects).to.include.members(['Giấy phép cho đài XV-7: đang chờ cấp', 'Giấy phép cho đài XV-7: đã được cấp']);
    const grantMail = mail.arrivals.slice(mark).find((a) => a.mail.subject === 'Giấy phép cho đài XV-7: đã được cấp')!;
    expect(grantMail.mail.text).to.contain('Được cấp bởi').and.contain('Đài: XV-7').and.contain('Đài được phép hoạt động.');
  });

  it('has its list and its record page, in its own words', async () => {
    const person = await PagePerson.signIn(api, 'demo-vn-regulator-key', 'en');
    const list = await person.get('/records/permits');
    expect(list.status, list.text).to.equal(200);
    expect(list.text).to.contain('Station permits').and.contain(permit.id);
    const record = await person.get(`/records/permits/${permit.id}`);
    expect(record.status, record.text).to.equal(200);
    expect(record.text).to.contain('granted').and.contain('Granted by');
    const machine = await person.get('/how-it-works/permits');
    expect(machine.status).to.equal(200);
  });
});
