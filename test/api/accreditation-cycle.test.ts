/**
 * The accreditation as ISO/IEC 17011 runs it (docs/domain.md, "Accreditation"; ILAC FAQ 23, 24, 29),
 * over real HTTP on a real SQLite store: a cycle of at most five years, surveillance with an
 * on-site visit at least every two years, a scope reduced or extended with its history, a
 * reinstatement only after the body's on-site check, and a reduced scope reaching the recognitions
 * that stand on the accreditation. Every refusal is proven to have written nothing.
 */
import { expect } from 'chai';
import { addYears } from '../../src/kinds/accreditation/cycle.js';
import { accreditationCoversOn, type AccreditationData } from '../../src/kinds/accreditation/machine.js';
import { accreditationWords } from '../../src/kinds/accreditation/words.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';
import { KR_SCOPE, daysFrom } from '../helpers/world.js';

const BODY = 'vn-accreditation-body';
const ADMIN = { id: 'admin', role: 'admin' } as const;

describe('HTTP: the accreditation cycle (ISO/IEC 17011)', () => {
  let api: ApiWorld;
  beforeEach(async () => (api = await ApiWorld.create()));
  afterEach(async () => api.close());

  const now = () => api.world.clock.now().toISOString();
  const send = (id: string, event: Record<string, unknown>) => api.post(`/accreditations/${id}/events`, event, BODY);
  const data = async (id: string) => (await api.world.engine.get('accreditations', id, ADMIN)).data as unknown as AccreditationData;
  const reasonOf = (body: Record<string, unknown>) => (body['reasons'] as Array<{ code: string }> | undefined)?.[0]?.code;

  /** Sends `event`, expects `status` with the reason `code`, and that nothing was written. */
  async function refused(path: string, event: Record<string, unknown>, status: number, code?: string): Promise<void> {
    const before = await api.world.snapshot();
    const answer = await api.post(path, event, BODY);
    expect(answer.status, answer.text).to.equal(status);
    if (code !== undefined) expect(reasonOf(answer.body), answer.text).to.equal(code);
    expect(await api.world.snapshot(), 'nothing written').to.deep.equal(before);
  }

  it('ISO/IEC 17011 (ILAC FAQ 23, 29): a cycle may not exceed five years, refused with a reason worded in both languages', async () => {
    const lab = await api.world.addLab();
    const validFrom = now();
    const fiveYears = new Date(validFrom);
    fiveYears.setUTCFullYear(fiveYears.getUTCFullYear() + 5);
    const body = { cabId: lab.cabId!, standard: 'ISO/IEC 17025', certificateNumber: 'VILAS 1001', scope: KR_SCOPE, validFrom };
    await refused('/accreditations', { ...body, validUntil: daysFrom(fiveYears.toISOString(), 1) }, 422, 'CYCLE_TOO_LONG');
    const created = await api.post<{ id: string }>('/accreditations', { ...body, validUntil: fiveYears.toISOString() }, BODY);
    expect(created.status, created.text).to.equal(201);

    // RENEW starts a new cycle today: five years from today at most.
    const id = created.body.id;
    api.world.advanceDays(30);
    expect((await api.post(`/accreditations/${id}/events`, { type: 'RENEWAL_SUBMITTED' }, lab.id)).status).to.equal(200);
    const longest = new Date(now());
    longest.setUTCFullYear(longest.getUTCFullYear() + 5);
    await refused(`/accreditations/${id}/events`, { type: 'RENEW', validUntil: daysFrom(longest.toISOString(), 1) }, 422, 'CYCLE_TOO_LONG');
    const renewed = await send(id, { type: 'RENEW', validUntil: longest.toISOString() });
    expect(renewed.status, renewed.text).to.equal(200);
    expect((await data(id)).cycleFrom).to.equal(now());

    expect(accreditationWords.en.reasons['CYCLE_TOO_LONG']).to.contain('5 years');
    expect(accreditationWords.vi.reasons['CYCLE_TOO_LONG']).to.equal('Chu kỳ công nhận không được quá 05 năm.');
  });

  it('ISO/IEC 17011: on the page, a cycle over five years is refused in Vietnamese', async () => {
    const accreditation = await api.world.accreditation((await api.world.addLab()).cabId!);
    await api.world.engine.send('accreditations', accreditation.id, { type: 'EXPIRED' }, api.world.as('system'));
    const person = await PagePerson.signIn(api, api.keyOf(BODY), 'vi');
    const path = `/records/accreditations/${accreditation.id}`;
    const current = await api.world.engine.get('accreditations', accreditation.id, ADMIN);
    const refusedPage = await person.post(path, `${path}/events`, {
      type: 'REACCREDIT',
      version: String(current.version),
      validUntil: daysFrom(now(), 6 * 365).slice(0, 10),
    });
    expect(refusedPage.status).to.equal(422);
    expect(await refusedPage.text()).to.contain('Chu kỳ công nhận không được quá 05 năm.');
  });

  it('ILAC FAQ 29 / ISO/IEC 17011: reinstatement after suspension needs the on-site check, made since the suspension began', async () => {
    const { accreditation, recognition } = await api.world.recognizedLab();
    api.world.advanceDays(5);
    const suspendedAt = now();
    expect((await send(accreditation.id, { type: 'SUSPEND', reason: 'Đánh giá giám sát không đạt.' })).status).to.equal(200);
    api.world.advanceDays(20);
    const path = `/accreditations/${accreditation.id}/events`;

    await refused(path, { type: 'REINSTATE' }, 400);
    await refused(path, { type: 'REINSTATE', checkedOn: daysFrom(suspendedAt, -1), checkReference: 'ĐG-TC-01' }, 422, 'CHECK_BEFORE_SUSPENSION');
    await refused(path, { type: 'REINSTATE', checkedOn: daysFrom(now(), 1), checkReference: 'ĐG-TC-01' }, 422, 'CHECK_IN_FUTURE');
    expect((await api.world.engine.get('recognitions', recognition.id, ADMIN)).state).to.equal('lapsed');

    const checkedOn = daysFrom(suspendedAt, 15);
    const reinstated = await send(accreditation.id, { type: 'REINSTATE', checkedOn, checkReference: 'ĐG-TC-01' });
    expect(reinstated.status, reinstated.text).to.equal(200);
    expect(reinstated.body['state']).to.equal('active');
    expect((await data(accreditation.id)).visits).to.deep.include({
      visitedOn: checkedOn,
      visitKind: 'reinstatement',
      onSite: true,
      visitOutcome: 'conforming',
      reportReference: 'ĐG-TC-01',
      recordedAt: now(),
    });
    expect((await data(accreditation.id)).onSiteDue, 'the check counts as an on-site visit').to.equal(addYears(checkedOn, 2));
    expect((await api.world.engine.get('recognitions', recognition.id, ADMIN)).state).to.equal('recognized');
  });

  it('ILAC FAQ 24: an on-site visit is due two years after the last one; the parties are reminded once, before it', async () => {
    const validFrom = daysFrom(now(), -30);
    const accreditation = await api.world.accreditation((await api.world.addLab()).cabId!, { validFrom, validUntil: daysFrom(validFrom, 4 * 365) });
    const reminder = async () =>
      (await api.world.store.pendingDeadlines('accreditations', accreditation.id)).find((d) => d.event === 'ON_SITE_VISIT_DUE')?.dueAt;
    // Counting from validFrom at first; the reminder 90 days (our default) before.
    expect((await data(accreditation.id)).onSiteDue).to.equal(addYears(validFrom, 2));
    expect(await reminder()).to.equal(daysFrom(addYears(validFrom, 2), -90));

    api.world.advanceDays(200);
    const visit = { type: 'RECORD_VISIT', visitKind: 'surveillance', visitOutcome: 'conforming', reportReference: 'GS-2026-01' };
    const remote = await send(accreditation.id, { ...visit, visitedOn: daysFrom(now(), -2) });
    expect(remote.status, remote.text).to.equal(200);
    expect(await reminder(), 'a remote visit does not move it').to.equal(daysFrom(addYears(validFrom, 2), -90));

    const visitedOn = daysFrom(now(), -1);
    const onSite = await send(accreditation.id, { ...visit, visitedOn, onSite: true });
    expect(onSite.status, onSite.text).to.equal(200);
    expect(onSite.body['state']).to.equal('active');
    expect((await data(accreditation.id)).onSiteDue).to.equal(addYears(visitedOn, 2));
    expect(await reminder(), 'two years after the on-site visit').to.equal(daysFrom(addYears(visitedOn, 2), -90));
    await refused(`/accreditations/${accreditation.id}/events`, { ...visit, visitedOn: daysFrom(now(), 1) }, 422, 'VISIT_IN_FUTURE');
    await refused(`/accreditations/${accreditation.id}/events`, { ...visit, visitedOn: daysFrom(validFrom, -1) }, 422, 'VISIT_BEFORE_ACCREDITATION');

    api.world.clock.set(daysFrom(addYears(visitedOn, 2), -90));
    expect(await api.world.fireDue()).to.deep.equal(['accreditations:ON_SITE_VISIT_DUE']);
    expect(await api.world.mailOf('accreditations', accreditation.id)).to.not.deep.equal([]);
    // Entering another state later does not remind the parties again of the same visit.
    await api.world.engine.send('accreditations', accreditation.id, { type: 'RENEWAL_DUE' }, api.world.as('system'));
    expect(await reminder()).to.equal(undefined);
  });

  it('ISO/IEC 17011: the scope reduced or extended is kept with its dates, so its coverage on a past day is known', async () => {
    const validFrom = daysFrom(now(), -100);
    const accreditation = await api.world.accreditation((await api.world.addLab()).cabId!, { validFrom });
    const [kept, removed, also] = KR_SCOPE as [string, string, string];
    const added = 'KR:Technical Requirements for Telecommunications Terminal Equipment';
    const path = `/accreditations/${accreditation.id}/events`;

    const granted = (await data(accreditation.id)).scope;
    await refused(path, { type: 'REDUCE_SCOPE', regulations: ['US:47 CFR Part 15'], reason: 'x' }, 422, 'NOT_IN_SCOPE');
    await refused(path, { type: 'REDUCE_SCOPE', regulations: granted, reason: 'x' }, 422, 'SCOPE_WOULD_BE_EMPTY');
    const reducedOn = now();
    expect((await send(accreditation.id, { type: 'REDUCE_SCOPE', regulations: [removed], reason: 'Kết quả giám sát không đạt.' })).status).to.equal(200);
    api.world.advanceDays(10);
    await refused(path, { type: 'EXTEND_SCOPE', regulations: [kept], assessedOn: daysFrom(now(), -3), reportReference: 'MR-01' }, 422, 'ALREADY_IN_SCOPE');
    const extendedOn = now();
    const extended = await send(accreditation.id, { type: 'EXTEND_SCOPE', regulations: [added], assessedOn: daysFrom(now(), -3), reportReference: 'MR-01' });
    expect(extended.status, extended.text).to.equal(200);

    const after = await data(accreditation.id);
    expect(after.scope).to.have.members([...granted.filter((r) => r !== removed), added]);
    expect(after.scope).to.include.members([kept, also]);
    expect(after.scopeHistory.map((c) => [c.from, c.scopeChange, c.removed ?? c.added])).to.deep.equal([
      [validFrom, 'granted', undefined],
      [reducedOn, 'reduced', [removed]],
      [extendedOn, 'extended', [added]],
    ]);
    expect(accreditationCoversOn(after, [removed], daysFrom(reducedOn, -1)), 'before the reduction').to.equal(true);
    expect(accreditationCoversOn(after, [removed], reducedOn), 'from the reduction').to.equal(false);
    expect(accreditationCoversOn(after, [added], daysFrom(extendedOn, -1)), 'before the extension').to.equal(false);
    expect(accreditationCoversOn(after, [kept, added], extendedOn), 'from the extension').to.equal(true);
    expect(accreditationCoversOn(after, [kept], daysFrom(validFrom, -1)), 'before the accreditation').to.equal(false);
  });

  it('ISO/IEC 17011: a reduced scope reaches the recognitions standing on the accreditation; one left with nothing is withdrawn', async () => {
    const w = api.world;
    const { lab, agreement, accreditation, recognition } = await w.recognizedLab();
    const [first, second, third] = KR_SCOPE as [string, string, string];
    // Another CAB, recognised for one regulation only on its own accreditation.
    const narrowLab = await w.addLab();
    const narrowAccreditation = await w.accreditation(narrowLab.cabId!);
    const narrow = await w.recognition(agreement.id, narrowLab.cabId!, { scope: [third] });
    expect(narrow.state).to.equal('recognized');
    w.advanceDays(3);

    const reduced = await send(accreditation.id, { type: 'REDUCE_SCOPE', regulations: [second], reason: 'Không duy trì năng lực với KN 32.' });
    expect(reduced.status, reduced.text).to.equal(200);
    const narrowed = await w.engine.get('recognitions', recognition.id, ADMIN);
    expect(narrowed.state).to.equal('recognized');
    expect(narrowed.data['scope']).to.deep.equal([first, third]);
    expect(narrowed.data['scopeRemovals']).to.deep.include({ at: now(), economy: 'KR', removed: [second], accreditationId: accreditation.id });
    const entry = (await w.engine.history('recognitions', recognition.id, ADMIN)).items.at(-1)!;
    expect(entry).to.deep.include({ type: 'ACCREDITATION_SCOPE_REDUCED', payload: { accreditationId: accreditation.id, removed: [second] } });
    expect(entry.cause).to.deep.include({ kind: 'accreditations', id: accreditation.id, event: 'REDUCE_SCOPE' });
    expect((await w.engine.get('recognitions', narrow.id, ADMIN)).data['scope'], 'another CAB, another accreditation').to.deep.equal([third]);

    const narrowReduced = await send(narrowAccreditation.id, { type: 'REDUCE_SCOPE', regulations: [third], reason: 'Không duy trì năng lực với KN 35.' });
    expect(narrowReduced.status, narrowReduced.text).to.equal(200);
    const ended = await w.engine.get('recognitions', narrow.id, ADMIN);
    expect(ended.state, 'nothing left of its scope').to.equal('withdrawn');
    expect((await w.engine.get('recognitions', recognition.id, ADMIN)).data['scope']).to.deep.equal([first, third]);

    // A renewal on a smaller scope is a reduction too.
    expect((await api.post(`/accreditations/${accreditation.id}/events`, { type: 'RENEWAL_SUBMITTED' }, lab.id)).status).to.equal(200);
    const current = (await data(accreditation.id)).scope;
    const renewed = await send(accreditation.id, { type: 'RENEW', validUntil: daysFrom(now(), 3 * 365), scope: current.filter((r) => r !== third) });
    expect(renewed.status, renewed.text).to.equal(200);
    expect((await data(accreditation.id)).scopeHistory.at(-1)).to.deep.include({ from: now(), scopeChange: 'renewed', removed: [third] });
    expect((await w.engine.get('recognitions', recognition.id, ADMIN)).data['scope'], 'narrowed with the renewal').to.deep.equal([first]);
  });
});
