/**
 * A refusal's public fields are members of its problem+json answer; its internal fields never
 * are. The engine's NOT_FOUND for a record that exists but may not be read carries `exists` for
 * the service's own use: the answer must be indistinguishable from one for a record that is not
 * there at all.
 */
import { expect } from 'chai';
import { isAppError } from '../../src/errors.js';
import { ApiWorld } from '../helpers/api.js';

type Problem = Record<string, unknown>;

describe('HTTP: problem answers show public fields only', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  it("a lab asking for another lab's report gets the same 404 as for a report that does not exist, without the internal `exists`", async () => {
    const { world } = api;
    const { lab } = await world.recognizedLab();
    const report = await world.submit(lab);
    const stranger = await world.addLab();

    const refusal = await world.engine.get('test-reports', report.id, stranger).catch((error: unknown) => error);
    expect(isAppError(refusal, 'NOT_FOUND') && refusal.internalFields, 'the engine knows the report exists').to.deep.equal({ exists: true });

    const hidden = await api.get<Problem>(`/test-reports/${report.id}`, stranger.id);
    const missing = await api.get<Problem>('/test-reports/tr-no-such-report', stranger.id);
    expect(hidden.status).to.equal(404);
    expect(hidden.text).not.to.contain('exists');
    const shape = (problem: Problem) => ({ ...problem, detail: undefined, requestId: undefined });
    expect(shape(hidden.body)).to.deep.equal(shape(missing.body));
    expect(Object.keys(hidden.body).sort()).to.deep.equal(['code', 'detail', 'requestId', 'status', 'title', 'type']);
  });

  it('a version conflict shows its public currentVersion', async () => {
    const agreement = await api.world.agreement({ sign: false });
    const answer = await api.post<Problem>(`/agreements/${agreement.id}/events`, { type: 'SIGN' }, 'vn-regulator', { 'If-Match': '"7"' });
    expect(answer.status).to.equal(409);
    expect(answer.body).to.include({ code: 'VERSION_CONFLICT', currentVersion: 1 });
  });
});
