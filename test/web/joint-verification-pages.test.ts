/**
 * The joint verification over the API and on the record's page, in Vietnamese (docs/domain.md,
 * "Recognition"): the regulator's suspension is refused with the reason of 21 CFR 26.68(d),
 * nothing written, and the page does not offer it;
 * the form to record the outcome renders from its schema and posts, and the designating
 * authority's agreement ends the contest.
 */
import { expect } from 'chai';
import { recognitionWords } from '../../src/kinds/recognition/words.js';
import { ApiWorld } from '../helpers/api.js';
import { PagePerson } from '../helpers/people.js';

describe('web pages: a recognition under joint verification', () => {
  let api: ApiWorld;
  let id: string;
  before(async () => {
    api = await ApiWorld.create();
    const { recognition } = await api.world.recognizedLab();
    id = recognition.id;
    await api.world.send('recognitions', id, { type: 'CONTEST', reasons: 'Proficiency testing failed twice.' }, 'kr-regulator');
    await api.world.send('recognitions', id, { type: 'OPPOSE_CONTEST', reason: 'Phòng thử nghiệm đã khắc phục.' }, 'vn-designating-authority');
  });
  after(async () => {
    await api.close();
  });

  const version = async () => (await api.world.engine.get('recognitions', id, { id: 'admin', role: 'admin' })).version;

  it("21 CFR 26.68(d): the regulator's SUSPEND is refused over the API with a 422 problem naming the reason; its page offers neither SUSPEND nor DERECOGNIZE and says why, in Vietnamese", async () => {
    const at = await version();
    const refused = await api.post<{ code: string; reasons: Array<{ code: string; detail: string }> }>(
      `/recognitions/${id}/events`,
      { type: 'SUSPEND', reason: 'Competence not shown.' },
      'kr-regulator',
    );
    expect(refused.status).to.equal(422);
    expect(refused.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(refused.body.code).to.equal('EVENT_NOT_ACCEPTED');
    expect(refused.body.reasons.map((r) => r.code)).to.deep.equal(['JOINT_VERIFICATION_PENDING']);
    expect(refused.body.reasons[0]!.detail).to.contain('21 CFR 26.68(d)');
    expect(await version()).to.equal(at);

    const regulator = await PagePerson.signIn(api, 'demo-kr-regulator-key', 'vi');
    const page = (await regulator.get(`/records/recognitions/${id}`)).text;
    expect(page, 'what it may do is offered').to.contain('value="CLOSE_CONTEST"');
    expect(page).to.not.contain('value="SUSPEND"').and.to.not.contain('value="DERECOGNIZE"');
    expect(page).to.contain('không được tạm đình chỉ hoặc hủy bỏ hiệu lực thừa nhận');
  });

  it('the form to record the outcome renders with its fields, posts, and the other side agrees: the contest ends', async () => {
    const regulator = await PagePerson.signIn(api, 'demo-kr-regulator-key', 'vi');
    const path = `/records/recognitions/${id}`;
    const page = (await regulator.get(path)).text;
    expect(page).to.contain(recognitionWords.vi.actions!['RECORD_VERIFICATION_OUTCOME']!);
    for (const field of ['outcome', 'basis', 'reference', 'summary']) expect(page, field).to.contain(`name="${field}"`);
    const recorded = await regulator.post(path, `${path}/events`, {
      type: 'RECORD_VERIFICATION_OUTCOME',
      version: String(await version()),
      outcome: 'maintained',
      basis: 'joint_verification',
      reference: 'BB-TTXN-01',
      summary: 'Hai bên cùng thẩm tra xác nhận: phòng thử nghiệm đủ năng lực.',
    });
    expect(recorded.status).to.be.oneOf([200, 303]);
    const authority = await PagePerson.signIn(api, 'demo-vn-designating-authority-key', 'vi');
    const agreed = await authority.post(path, `${path}/events`, { type: 'AGREE_VERIFICATION_OUTCOME', version: String(await version()) });
    expect(agreed.status).to.be.oneOf([200, 303]);
    expect((await api.world.engine.get('recognitions', id, { id: 'admin', role: 'admin' })).state).to.equal('recognized');
  });
});
