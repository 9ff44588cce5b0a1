/**
 * The arrangement's statistics answer what happened in a period, per pair of economies: here two
 * reports VN → KR accepted and one rejected by Korea's regulator, one refused at screening, a
 * recognition granted, and a suspension lifted the same day (counted: it happened in the period).
 */
import { expect } from 'chai';
import type { ArrangementStatistics, PairStatistics } from '../../src/public/statistics.js';
import type { Actor } from '../../src/kinds/types.js';
import { ApiWorld } from '../helpers/api.js';

type Problem = { status: number; code: string; errors?: Array<{ pointer: string }> };

describe('GET /public/statistics', () => {
  let api: ApiWorld;
  let lab: Actor;

  before(async () => {
    api = await ApiWorld.create();
    const { world } = api;
    // 2026-01-05: recognised at once; 2026-01-08: three reports submitted.
    const recognized = await world.recognizedLab();
    lab = recognized.lab;
    const { recognition } = recognized;
    world.advanceDays(3);
    const [first, second, third] = [await world.submit(lab), await world.submit(lab), await world.submit(lab)];
    world.advanceDays(2); // 2026-01-10
    await world.send('test-reports', first.id, { type: 'ACCEPT' }, 'kr-regulator');
    world.advanceDays(3); // 2026-01-13
    await world.send('test-reports', second.id, { type: 'ACCEPT' }, 'kr-regulator');
    await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'KN 32 under investigation.', regulations: ['KR:KN 32'] }, 'kr-regulator');
    await world.send('recognitions', recognition.id, { type: 'LIFT_SUSPENSION' }, 'kr-regulator');
    world.advanceDays(40); // 2026-02-22: 45 days after submission, past 27 working days
    await world.send('test-reports', third.id, { type: 'REJECT', reason: 'Spurious emissions for 5 GHz are missing.' }, 'kr-regulator');
    // A lab Korea never recognised: refused at screening, the lab's business, counted only.
    const stranger = await world.addLab();
    expect((await world.submit(stranger)).state).to.equal('rejected');
  });
  after(async () => api.close());

  const pair = (body: ArrangementStatistics, exporting: string, importing: string): PairStatistics | undefined =>
    body.pairs.find((p) => p.exportingEconomy === exporting && p.importingEconomy === importing);

  it('counts the reports accepted and rejected VN → KR in the period, the rejections by reason, and the decisions within the review period', async () => {
    const answer = await api.get<ArrangementStatistics>('/public/statistics?from=2026-01-01&to=2026-12-31');
    expect(answer.status).to.equal(200);
    expect(answer.body).to.include({ from: '2026-01-01', to: '2026-12-31' });
    const reports = pair(answer.body, 'VN', 'KR')!.testReports;
    expect(reports).to.include({ accepted: 2, rejected: 2 });
    expect(reports.reasons).to.deep.include({ code: 'REJECTED_BY_REGULATOR', count: 1 });
    expect(reports.reasons).to.deep.include({ code: 'LAB_NOT_RECOGNIZED', count: 1 });
    // The regulator's three decisions took 2, 5 and 45 days; the refusal at screening was no decision.
    expect(reports.processing).to.deep.equal({
      decisions: 3,
      medianDays: 5,
      percentile90Days: 45,
      periodSetting: 'test-reports.review',
      period: '27 working days',
      withinPeriod: 2,
    });
  });

  it('counts a recognition suspended and lifted within the period as suspended in it, and the recognition granted', async () => {
    const { body } = await api.get<ArrangementStatistics>('/public/statistics?from=2026-01-01&to=2026-12-31');
    const recognitions = pair(body, 'VN', 'KR')!.recognitions;
    expect(recognitions).to.include({ recognized: 1, suspended: 1, withdrawn: 0, objected: 0 });
    expect(recognitions.processing).to.include({ decisions: 1, medianDays: 0, withinPeriod: 1, period: '90 days' });
  });

  it('honours the period’s bounds, both days included', async () => {
    const early = (await api.get<ArrangementStatistics>('/public/statistics?from=2026-01-01&to=2026-01-12')).body;
    expect(pair(early, 'VN', 'KR')!.testReports).to.include({ accepted: 1, rejected: 0 });
    expect(pair(early, 'VN', 'KR')!.recognitions).to.include({ recognized: 1, suspended: 0 });
    const oneDay = (await api.get<ArrangementStatistics>('/public/statistics?from=2026-01-13&to=2026-01-13')).body;
    expect(pair(oneDay, 'VN', 'KR')!.testReports).to.include({ accepted: 1, rejected: 0 });
    expect(pair(oneDay, 'VN', 'KR')!.recognitions).to.include({ recognized: 0, suspended: 1 });
    const before = (await api.get<ArrangementStatistics>('/public/statistics?from=2025-01-01&to=2026-01-04')).body;
    expect(before.pairs).to.deep.equal([]);
  });

  it('by default answers the twelve months that end today', async () => {
    const { body } = await api.get<ArrangementStatistics>('/public/statistics');
    expect(body).to.include({ from: '2025-02-23', to: '2026-02-22' });
    expect(pair(body, 'VN', 'KR')!.testReports).to.include({ accepted: 2, rejected: 2 });
  });

  for (const query of ['from=2026-02-30', 'to=2026-13-01', 'from=yesterday', 'from=2026-03-01&to=2026-02-01', 'since=2026-01-01']) {
    it(`refuses ${query} with 400`, async () => {
      const answer = await api.get<Problem>(`/public/statistics?${query}`);
      expect(answer.status).to.equal(400);
      expect(answer.body.code).to.equal('VALIDATION_FAILED');
    });
  }

  it('is in the OpenAPI document, public and rate limited', async () => {
    const { body } = await api.get<{ paths: Record<string, { get?: { responses: Record<string, unknown>; security?: unknown[] } }> }>('/openapi.json');
    const operation = body.paths['/public/statistics']!.get!;
    expect(Object.keys(operation.responses)).to.include.members(['200', '400', '429']);
  });

  it('answers the same period afresh once a decision is committed', async () => {
    const path = '/public/statistics?from=2026-01-01&to=2026-12-31';
    expect(pair((await api.get<ArrangementStatistics>(path)).body, 'VN', 'KR')!.testReports.accepted).to.equal(2);
    const report = await api.world.submit(lab);
    await api.world.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
    expect(pair((await api.get<ArrangementStatistics>(path)).body, 'VN', 'KR')!.testReports.accepted).to.equal(3);
  });
});
