/**
 * The public look-up remembers each lab's designation number between answers (register.ts), so it
 * need not read the lab's recognitions for every report; a customs officer must still see a new
 * number at once when this node recorded it, and within a second when another node did.
 */
import { expect } from 'chai';
import { Engine } from '../../src/engine/engine.js';
import { commitContributors } from '../../src/effects/contributors.js';
import type { Page } from '../../src/store/port.js';
import { ApiWorld } from '../helpers/api.js';

type Found = Page<{ reportNumber: string; lab: { designationNumber?: string } }>;

describe('HTTP: the public look-up shows a lab’s current designation number', () => {
  let api: ApiWorld;
  let cabId: string;
  let agreementId: string;
  let recognitionId: string;
  let firstNumber: string;

  const shownNumber = async (): Promise<string | undefined> => {
    const { body } = await api.get<Found>('/public/test-reports?economy=KR&reportNumber=DES-0001');
    expect(body.items).to.have.length(1);
    return body.items[0]!.lab.designationNumber;
  };
  const numberOf = (resource: { data: Record<string, unknown> }): string => resource.data['designationNumber'] as string;

  before(async () => {
    api = await ApiWorld.create({ publicRateLimit: 1000 });
    const { lab, agreement, recognition } = await api.world.recognizedLab();
    cabId = lab.cabId!;
    agreementId = agreement.id;
    recognitionId = recognition.id;
    firstNumber = numberOf(recognition);
    api.world.advanceDays(5);
    const report = await api.world.submit(lab, { reportNumber: 'DES-0001' });
    await api.world.send('test-reports', report.id, { type: 'ACCEPT' }, 'kr-regulator');
  });
  after(async () => api.close());

  it('shows the number of a recognition this node records, in the very next answer', async () => {
    expect(await shownNumber()).to.equal(firstNumber);
    await api.world.send('recognitions', recognitionId, { type: 'WITHDRAW', reason: 'Phòng thử nghiệm chuyển địa điểm.' }, 'vn-designating-authority');
    const again = await api.world.recognition(agreementId, cabId);
    expect(numberOf(again)).to.not.equal(firstNumber);
    expect(await shownNumber()).to.equal(numberOf(again));
    recognitionId = again.id;
  });

  it('shows the number another node records within a second', async () => {
    const before = await shownNumber();
    const world = api.world;
    const otherNode = new Engine({ contributors: commitContributors(), store: await world.connect(), clock: world.clock, validator: world.engine.validator, durations: world.engine.durations, nodeId: 'other-node' });
    await otherNode.send('recognitions', recognitionId, { type: 'WITHDRAW', reason: 'Lab closed.' }, world.as('vn-designating-authority'));
    // Designated anew at home, with a new number; the engine finds the newest designation in force.
    await world.designation(agreementId, cabId, { scope: ['KR:KN 301 489'] });
    const created = await otherNode.create('recognitions', { agreementId, cabId, importingEconomy: 'KR', scope: ['KR:KN 301 489'] }, world.as('vn-designating-authority'));
    const recognized = await otherNode.send('recognitions', created.id, { type: 'RECOGNIZE' }, world.as('kr-regulator'));
    expect(numberOf(recognized)).to.not.equal(before);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await shownNumber()).to.equal(numberOf(recognized));
  });
});
