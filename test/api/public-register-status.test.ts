/**
 * The public register shows status, not silence: an importer tells a suspended CAB (since when, by
 * which authority, for which regulations) from a withdrawn, expired or never-recognised one;
 * `inForce=true` narrows to those in force; CSV cells a spreadsheet would run as formulas are
 * neutralised.
 */
import { expect } from 'chai';
import type { PublicRecognition } from '../../src/public/recognition-register.js';
import type { Page } from '../../src/store/port.js';
import { ApiWorld } from '../helpers/api.js';

describe('HTTP: the public register of recognitions shows each status', () => {
  let api: ApiWorld;
  const numbers: Record<string, string> = {};

  before(async () => {
    api = await ApiWorld.create();
    const { world } = api;
    const agreement = await world.agreement();
    for (const name of ['in force', 'suspended', 'partly suspended', 'withdrawn', 'formula']) {
      const lab = await world.addLab();
      if (name === 'formula') {
        await world.store.putCab({ id: lab.cabId!, name: '=HYPERLINK("http://evil.example","Bấm vào đây")', economy: 'VN', type: 'lab', email: 'x@lab.example', language: 'vi' });
      }
      await world.accreditation(lab.cabId!);
      const recognition = await world.recognition(agreement.id, lab.cabId!);
      numbers[name] = recognition.data['designationNumber'] as string;
      world.advanceDays(1);
      if (name === 'suspended') await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'Tạm đình chỉ chỉ định.' }, 'vn-designating-authority');
      if (name === 'partly suspended') {
        await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'KN 32 under investigation.', regulations: ['KR:KN 32'] }, 'kr-regulator');
      }
      if (name === 'withdrawn') await world.send('recognitions', recognition.id, { type: 'WITHDRAW', reason: 'Lab closed.' }, 'vn-designating-authority');
    }
  });
  after(async () => api.close());

  const byNumber = (items: PublicRecognition[], name: string) => items.find((r) => r.designationNumber === numbers[name])!;

  it('lists recognised, suspended (by whom, since when, which regulations) and withdrawn CABs with their dates', async () => {
    const { body } = await api.get<Page<PublicRecognition>>('/public/recognitions?importing=KR&exporting=VN');
    expect(body.items).to.have.length(5);
    expect(byNumber(body.items, 'in force')).to.include({ status: 'recognized', inForce: true });
    const suspended = byNumber(body.items, 'suspended');
    expect(suspended).to.include({ status: 'suspended', inForce: false });
    expect(suspended.suspensions).to.deep.equal([{ by: 'designating_authority', economy: 'VN', since: suspended.statusSince }]);
    const partly = byNumber(body.items, 'partly suspended');
    expect(partly).to.include({ status: 'recognized', inForce: true });
    expect(partly.suspensions).to.have.length(1);
    expect(partly.suspensions[0]).to.include({ by: 'importing_regulator', economy: 'KR' }).and.to.have.deep.property('regulations', ['KR:KN 32']);
    const withdrawn = byNumber(body.items, 'withdrawn');
    expect(withdrawn).to.include({ status: 'withdrawn', inForce: false });
    expect(withdrawn.endedAt).to.be.a('string');
  });

  it('inForce=true narrows to the CABs in force now', async () => {
    const { body } = await api.get<Page<PublicRecognition>>('/public/recognitions?importing=KR&inForce=true');
    expect(body.items.map((r) => r.designationNumber).sort()).to.deep.equal([numbers['in force'], numbers['partly suspended'], numbers['formula']].sort());
    expect((await api.get('/public/recognitions?importing=KR&inForce=maybe')).status).to.equal(400);
  });

  it('a CAB named =HYPERLINK(…) comes out of the CSV as text, not a formula', async () => {
    const csv = await api.get('/public/recognitions?importing=KR&format=csv');
    const line = csv.text.split('\r\n').find((l) => l.startsWith(numbers['formula']!))!;
    expect(line).to.contain(`"'=HYPERLINK(""http://evil.example"",""Bấm vào đây"")"`);
    expect(csv.text).to.not.match(/(^|,)"?=HYPERLINK/m);
  });
});
