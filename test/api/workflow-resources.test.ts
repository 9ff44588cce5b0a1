/**
 * The workflow resources over real HTTP: every route, and every error status of docs/api.md, each
 * refusal checked to leave the store (history, outbox, deadlines, instances) exactly as it was.
 */
import { expect } from 'chai';
import { ApiWorld, type Answer } from '../helpers/api.js';
import { KR_SCOPE, VN_SCOPE, daysFrom } from '../helpers/world.js';

type Problem = { type: string; title: string; status: number; detail: string; code: string; errors?: Array<{ pointer: string; message: string }>; currentVersion?: number };
type Resource = { id: string; kind: string; state: string; version: number; data: Record<string, unknown>; nextEvents: string[]; deadlines: Array<{ type: string; dueAt: string }> };
type Page<T> = { items: T[]; nextCursor: string | null };

const agreementBody = { economies: ['VN', 'KR'], phase: 'I', scope: { VN: VN_SCOPE, KR: KR_SCOPE } };

describe('HTTP: workflow resources', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  /** Sends a request that must be refused with `status`/`code`, and checks nothing was written. */
  async function refused(send: () => Promise<Answer>, status: number, code: string): Promise<Problem> {
    const before = await api.world.snapshot();
    const answer = await send();
    expect(answer.status, answer.text).to.equal(status);
    expect(answer.headers.get('content-type')).to.match(/^application\/problem\+json/);
    const problem = answer.body as unknown as Problem;
    expect(problem).to.include({ status, code });
    expect(problem.detail).to.be.a('string').and.not.to.contain('    at ');
    expect(await api.world.snapshot(), 'nothing written').to.deep.equal(before);
    return problem;
  }

  describe('POST /{kind}', () => {
    it('creates, answering 201 with Location, ETag and the resource as the caller sees it', async () => {
      const answer = await api.post<Resource>('/agreements', agreementBody, 'vn-regulator');
      expect(answer.status).to.equal(201);
      expect(answer.headers.get('location')).to.equal(`/agreements/${answer.body.id}`);
      expect(answer.headers.get('etag')).to.equal('"1"');
      expect(answer.body).to.deep.include({ kind: 'agreements', state: 'negotiating', version: 1 });
      expect(answer.body.nextEvents).to.have.members(['SIGN', 'TERMINATE']);
    });

    it('400: lists every field problem with a JSON Pointer, unknown properties included', async () => {
      const problem = await refused(() => api.post('/agreements', { economies: ['VN'], phase: 'III', scope: {}, colour: 'red' }, 'vn-regulator'), 400, 'VALIDATION_FAILED');
      expect(problem.errors).to.deep.include.members([
        { pointer: '/economies', message: 'must NOT have fewer than 2 items' },
        { pointer: '/phase', message: 'must be one of: I, II' },
        { pointer: '', message: 'unknown property "colour"' },
      ]);
    });

    it('401: without a key, and with a key nobody has', async () => {
      await refused(() => api.post('/agreements', agreementBody), 401, 'UNAUTHENTICATED');
      const answer = await refused(
        () => api.request('POST', '/agreements', { body: agreementBody, headers: { Authorization: 'Bearer not-a-real-key-000000' } }),
        401,
        'UNAUTHENTICATED',
      );
      expect(answer.detail).to.equal('This API key is not known.');
    });

    it('403: for a role that may not create it, and for the right role of another economy', async () => {
      await refused(() => api.post('/agreements', agreementBody, 'lab-song-hong'), 403, 'FORBIDDEN');
      await refused(() => api.post('/agreements', agreementBody, 'us-regulator'), 403, 'FORBIDDEN');
    });

    it('409: a report number the lab has used already', async () => {
      const { lab } = await api.world.recognizedLab();
      const body = api.world.reportBody({ reportNumber: 'RF-DUP-1' });
      expect((await api.post('/test-reports', body, lab.id)).status).to.equal(201);
      await refused(() => api.post('/test-reports', body, lab.id), 409, 'DUPLICATE');
    });

    it('413: a body over 100 kB', async () => {
      await refused(() => api.post('/agreements', { ...agreementBody, comment: 'x'.repeat(120_000) }, 'vn-regulator'), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('415: a body that is not JSON', async () => {
      await refused(
        () => api.request('POST', '/agreements', { as: 'vn-regulator', raw: 'economies=VN,KR', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('400: JSON that does not parse', async () => {
      await refused(
        () => api.request('POST', '/agreements', { as: 'vn-regulator', raw: '{"economies": ["VN",', headers: { 'Content-Type': 'application/json' } }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('422: a regulation that does not exist, or a designation the preconditions do not allow', async () => {
      const unknown = await refused(
        () => api.post('/agreements', { ...agreementBody, scope: { VN: ['VN:QCVN 999:2099/BTTTT'], KR: KR_SCOPE } }, 'vn-regulator'),
        422,
        'UNKNOWN_REFERENCE',
      );
      expect(unknown.errors).to.deep.equal([{ pointer: '/scope/VN/0', message: 'unknown technical regulation "VN:QCVN 999:2099/BTTTT" (GET /regulations lists them)' }]);
      const negotiating = await api.world.agreement({ sign: false });
      const lab = await api.world.addLab();
      await api.world.accreditation(lab.cabId!);
      // Designated at home under the agreement in negotiation: only the agreement stands in the way.
      await api.world.designation(negotiating.id, lab.cabId!);
      const notOperational = await refused(
        () => api.post('/recognitions', { agreementId: negotiating.id, cabId: lab.cabId, importingEconomy: 'KR', scope: KR_SCOPE }, 'vn-designating-authority'),
        422,
        'NOT_ELIGIBLE',
      );
      expect((notOperational as unknown as { reasons: Array<{ code: string }> }).reasons.map((r) => r.code)).to.deep.equal(['AGREEMENT_NOT_OPERATIONAL']);
    });
  });

  describe('GET /{kind}', () => {
    it('lists what the caller may read, filtered by state and searchable fields, a page at a time', async () => {
      for (let i = 0; i < 3; i += 1) await api.world.agreement({ economies: ['VN', 'US'], scope: { VN: VN_SCOPE, US: ['US:47 CFR Part 15'] } });
      const first = await api.get<Page<Resource>>('/agreements?state=operational&economy=US&limit=2', 'us-regulator');
      expect(first.status).to.equal(200);
      expect(first.body.items).to.have.length(2);
      expect(first.body.items.every((a) => a.state === 'operational' && (a.data['economies'] as string[]).includes('US'))).to.equal(true);
      const second = await api.get<Page<Resource>>(`/agreements?state=operational&economy=US&limit=2&cursor=${first.body.nextCursor}`, 'us-regulator');
      expect(second.body.items).to.have.length(1);
      expect(second.body.nextCursor).to.equal(null);
    });

    it('shows a lab only its own test reports, and an importer only the reports for it', async () => {
      const mine = await api.world.recognizedLab();
      const theirs = await api.world.recognizedLab();
      api.world.advanceDays(3);
      const report = await api.world.submit(mine.lab);
      await api.world.submit(theirs.lab, { importerId: undefined });
      const asLab = await api.get<Page<Resource>>('/test-reports?limit=200', mine.lab.id);
      expect(asLab.body.items.map((r) => r.data['cabId'])).to.include(mine.lab.cabId).and.not.to.include(theirs.lab.cabId);
      const asImporter = await api.get<Page<Resource>>('/test-reports?limit=200', 'importer-hanbit');
      expect(asImporter.body.items.map((r) => r.id)).to.include(report.id);
      expect(asImporter.body.items.every((r) => r.data['importerId'] === 'importer-hanbit')).to.equal(true);
      const asStranger = await api.get<Page<Resource>>('/test-reports', 'jp-regulator');
      expect(asStranger.body.items).to.deep.equal([]);
    });

    it('400: an unknown filter, an unknown state, a limit out of range', async () => {
      await refused(() => api.get('/recognitions?colour=red', 'kr-regulator'), 400, 'VALIDATION_FAILED');
      const state = await refused(() => api.get('/recognitions?state=approved', 'kr-regulator'), 400, 'VALIDATION_FAILED');
      expect(state.detail).to.contain('recognized');
      await refused(() => api.get('/recognitions?limit=500', 'kr-regulator'), 400, 'VALIDATION_FAILED');
      await refused(() => api.get('/recognitions?cursor=bm90LW91cnM', 'kr-regulator'), 400, 'VALIDATION_FAILED');
    });

    it('401 without a key', async () => {
      await refused(() => api.get('/recognitions'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /{kind}/{id}', () => {
    it('answers the resource with ETag "<version>", its pending deadlines and what this caller may send', async () => {
      const { recognition } = await api.world.recognizedLab();
      const answer = await api.get<Resource>(`/recognitions/${recognition.id}`, 'kr-regulator');
      expect(answer.status).to.equal(200);
      expect(answer.headers.get('etag')).to.equal(`"${recognition.version}"`);
      expect(answer.body.deadlines.map((d) => d.type)).to.have.members(['LISTING_EXPIRY_REMINDER', 'LISTING_EXPIRED']);
      expect(answer.body.nextEvents).to.have.members(['SUSPEND', 'CONTEST']);
      const asAuthority = await api.get<Resource>(`/recognitions/${recognition.id}`, 'vn-designating-authority');
      expect(asAuthority.body.nextEvents).to.have.members(['SUSPEND', 'WITHDRAW', 'RENEW']);
    });

    it('404: an id that does not exist, and a test report the caller may not read', async () => {
      await refused(() => api.get('/agreements/no-such-agreement', 'vn-regulator'), 404, 'NOT_FOUND');
      const { lab } = await api.world.recognizedLab();
      api.world.advanceDays(2);
      const report = await api.world.submit(lab);
      await refused(() => api.get(`/test-reports/${report.id}`, 'us-regulator'), 404, 'NOT_FOUND');
      await refused(() => api.get(`/test-reports/${report.id}`, 'lab-song-hong'), 404, 'NOT_FOUND');
      expect((await api.get(`/test-reports/${report.id}`, 'importer-hanbit')).status).to.equal(200);
    });
  });

  describe('POST /{kind}/{id}/events', () => {
    it('applies the event and answers the resource after it; If-Match with the current ETag is honoured', async () => {
      const agreement = await api.world.agreement();
      const answer = await api.post<Resource>(`/agreements/${agreement.id}/events`, { type: 'SUSPEND', reason: 'Rà soát định kỳ.' }, 'kr-regulator', {
        'If-Match': `"${agreement.version}"`,
      });
      expect(answer.status).to.equal(200);
      expect(answer.body).to.include({ state: 'suspended', version: agreement.version + 1 });
      expect(answer.headers.get('etag')).to.equal(`"${agreement.version + 1}"`);
    });

    it('409: a stale If-Match, with the current version in the problem', async () => {
      const agreement = await api.world.agreement();
      await api.world.send('agreements', agreement.id, { type: 'SUSPEND', reason: 'x' }, 'vn-regulator');
      const problem = await refused(
        () => api.post(`/agreements/${agreement.id}/events`, { type: 'RESUME' }, 'kr-regulator', { 'If-Match': `"${agreement.version}"` }),
        409,
        'VERSION_CONFLICT',
      );
      expect(problem.currentVersion).to.equal(agreement.version + 1);
    });

    it('400: an If-Match that is not an ETag', async () => {
      const agreement = await api.world.agreement();
      await refused(() => api.post(`/agreements/${agreement.id}/events`, { type: 'SUSPEND', reason: 'x' }, 'kr-regulator', { 'If-Match': 'version 3' }), 400, 'VALIDATION_FAILED');
    });

    it('400: an unknown event type, and a payload that breaks the event’s schema', async () => {
      const agreement = await api.world.agreement();
      const unknown = await refused(() => api.post(`/agreements/${agreement.id}/events`, { type: 'CANCEL' }, 'kr-regulator'), 400, 'VALIDATION_FAILED');
      expect(unknown.errors?.[0]?.pointer).to.equal('/type');
      const payload = await refused(() => api.post(`/agreements/${agreement.id}/events`, { type: 'SUSPEND' }, 'kr-regulator'), 400, 'VALIDATION_FAILED');
      expect(payload.errors).to.deep.equal([{ pointer: '', message: 'missing required property "reason"' }]);
    });

    it('422: an event the state does not take', async () => {
      const agreement = await api.world.agreement();
      const problem = await refused(() => api.post(`/agreements/${agreement.id}/events`, { type: 'SIGN' }, 'kr-regulator'), 422, 'EVENT_NOT_ACCEPTED');
      expect(problem.detail).to.contain('operational');
    });

    it('403: the wrong role, the right role of another economy, and a lab acting for another lab', async () => {
      const { recognition, lab } = await api.world.recognizedLab();
      await refused(() => api.post(`/recognitions/${recognition.id}/events`, { type: 'SUSPEND', reason: 'x' }, 'importer-hanbit'), 403, 'FORBIDDEN');
      await refused(() => api.post(`/recognitions/${recognition.id}/events`, { type: 'DERECOGNIZE', reason: 'x' }, 'jp-regulator'), 403, 'FORBIDDEN');
      await api.world.send('recognitions', recognition.id, { type: 'RENEW' }, 'vn-designating-authority');
      await api.world.send('recognitions', recognition.id, { type: 'REQUEST_INFO', request: 'Hồ sơ gia hạn?' }, 'kr-regulator');
      await refused(() => api.post(`/recognitions/${recognition.id}/events`, { type: 'PROVIDE_INFO', response: 'x' }, 'lab-song-hong'), 403, 'FORBIDDEN');
      // Through the designating authority only: the CAB itself may not answer either.
      await refused(() => api.post(`/recognitions/${recognition.id}/events`, { type: 'PROVIDE_INFO', response: 'x' }, lab.id), 403, 'FORBIDDEN');
      expect((await api.post(`/recognitions/${recognition.id}/events`, { type: 'PROVIDE_INFO', response: 'Đã gửi.' }, 'vn-designating-authority')).status).to.equal(200);
    });

    it('404: a lab sending to another lab’s test report, and an id that does not exist', async () => {
      const { lab } = await api.world.recognizedLab();
      api.world.advanceDays(2);
      const report = await api.world.submit(lab);
      await refused(() => api.post(`/test-reports/${report.id}/events`, { type: 'WITHDRAW' }, 'lab-song-hong'), 404, 'NOT_FOUND');
      await refused(() => api.post('/test-reports/nope/events', { type: 'WITHDRAW' }, 'lab-song-hong'), 404, 'NOT_FOUND');
    });

    it('413 and 415 on events too', async () => {
      const agreement = await api.world.agreement();
      await refused(() => api.post(`/agreements/${agreement.id}/events`, { type: 'SUSPEND', reason: 'x'.repeat(150_000) }, 'kr-regulator'), 413, 'PAYLOAD_TOO_LARGE');
      await refused(
        () => api.request('POST', `/agreements/${agreement.id}/events`, { as: 'kr-regulator', raw: 'type=SUSPEND', headers: { 'Content-Type': 'text/plain' } }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });
  });

  describe('GET /{kind}/{id}/history', () => {
    type Entry = { seq: number; type: string; actor: { id: string; role: string }; from: string | null; to: string; payload: Record<string, unknown> };

    it('tells the story oldest first, with actors, facts and causes, a page at a time', async () => {
      const { agreement } = await api.world.recognizedLab();
      await api.world.send('agreements', agreement.id, { type: 'GIVE_NOTICE', reason: 'Chấm dứt.' }, 'vn-regulator');
      const first = await api.get<Page<Entry>>(`/agreements/${agreement.id}/history?limit=2`, 'jp-regulator');
      expect(first.body.items.map((h) => [h.seq, h.type, h.actor.id])).to.deep.equal([
        [1, 'CREATE', 'vn-regulator'],
        [2, 'SIGN', 'vn-regulator'],
      ]);
      const rest = await api.get<Page<Entry>>(`/agreements/${agreement.id}/history?cursor=${first.body.nextCursor}`, 'jp-regulator');
      expect(rest.body.items.map((h) => [h.type, h.actor.id, h.to])).to.deep.equal([
        ['SIGN', 'kr-regulator', 'operational'],
        ['GIVE_NOTICE', 'vn-regulator', 'terminating'],
      ]);
      expect(rest.body.items[1]!.payload).to.include({ reason: 'Chấm dứt.' }).and.to.have.property('effectiveAt');
    });

    it('shows a deadline that fired, with the system as actor and the deadline as cause; the resource lists the pending ones', async () => {
      const { lab } = await api.world.recognizedLab();
      api.world.advanceDays(3);
      const report = await api.world.submit(lab);
      const pending = (await api.get<Resource>(`/test-reports/${report.id}`, 'kr-regulator')).body.deadlines;
      expect(pending.map((d) => d.type)).to.deep.equal(['REVIEW_OVERDUE']);
      api.world.clock.set(pending[0]!.dueAt);
      expect(await api.world.fireDue()).to.include('test-reports:REVIEW_OVERDUE');
      type Fired = Entry & { cause: { deadline: { event: string; dueAt: string } } };
      const history = (await api.get<Page<Fired>>(`/test-reports/${report.id}/history`, lab.id)).body.items;
      expect(history.at(-1)).to.deep.include({ type: 'REVIEW_OVERDUE', from: 'under_review', to: 'under_review', actor: { id: 'system', role: 'system', name: 'MRA Engine' } });
      expect(history.at(-1)!.cause.deadline).to.include({ event: 'REVIEW_OVERDUE', dueAt: pending[0]!.dueAt });
      expect((await api.get<Resource>(`/test-reports/${report.id}`, 'kr-regulator')).body.deadlines).to.deep.equal([]);
    });

    it('404 for a test report the caller may not read; 400 for a bad cursor', async () => {
      const { lab } = await api.world.recognizedLab();
      api.world.advanceDays(1);
      const report = await api.world.submit(lab);
      await refused(() => api.get(`/test-reports/${report.id}/history`, 'jp-regulator'), 404, 'NOT_FOUND');
      await refused(() => api.get(`/test-reports/${report.id}/history?cursor=abc`, lab.id), 400, 'VALIDATION_FAILED');
    });
  });

  describe('dates', () => {
    it('accepts a calendar date and stores it as an instant in UTC', async () => {
      const lab = await api.world.addLab();
      const answer = await api.post<Resource>(
        '/accreditations',
        {
          cabId: lab.cabId,
          standard: 'ISO/IEC 17025',
          certificateNumber: 'VILAS 1200',
          scope: KR_SCOPE,
          validFrom: '2025-01-05',
          validUntil: daysFrom(api.world.clock.now().toISOString(), 400).replace('.000Z', '+07:00'),
        },
        'vn-accreditation-body',
      );
      expect(answer.status, answer.text).to.equal(201);
      expect(answer.body.data['validFrom']).to.equal('2025-01-05T00:00:00.000Z');
      expect(answer.body.data['validUntil']).to.match(/T02:00:00\.000Z$/);
    });
  });
});
