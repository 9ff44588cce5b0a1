/**
 * Answers a newcomer reads first, in plain English: the OpenAPI summaries, a public look-up with
 * a query that is not enough, a regulation written without its economy prefix.
 */
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';

type Problem = { status: number; code: string; detail: string; errors: Array<{ pointer: string; message: string }> };
type Operation = { summary: string };

describe('HTTP: answers in plain words', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  it('OpenAPI summaries take the right article: "Create an agreement", "Read an accreditation", "Create a test report"', async () => {
    const paths = (await api.get<{ paths: Record<string, Record<string, Operation>> }>('/openapi.json')).body.paths;
    expect(paths['/agreements']!['post']!.summary).to.equal('Create an agreement');
    expect(paths['/accreditations/{id}']!['get']!.summary).to.equal('Read an accreditation');
    expect(paths['/recognitions/{id}/events']!['post']!.summary).to.equal('Send an event to a recognition');
    expect(paths['/test-reports']!['post']!.summary).to.equal('Create a test report');
    const summaries = Object.values(paths).flatMap((operations) => Object.values(operations).map((o) => o.summary));
    expect(summaries.filter((summary) => /\ba [aeiou]/i.test(summary))).to.deep.equal([]);
  });

  it('a public look-up without its economy says which parameter it needs, and never "(body)"', async () => {
    const answer = await api.get<Problem>('/public/test-reports?q=router');
    expect(answer.status).to.equal(400);
    expect(answer.body.detail).to.equal('The query is not valid: missing required property "economy"');
    expect(answer.body.errors).to.deep.equal([{ pointer: '', message: 'missing required property "economy"' }]);
    const unknown = await api.get<Problem>('/public/recognitions?importing=KR&exporter=VN');
    expect(unknown.body.detail).to.equal('The query is not valid: unknown property "exporter"');
  });

  it('a regulation without its economy prefix is refused with a sentence and an example, not a regular expression', async () => {
    const { lab } = await api.world.recognizedLab();
    const answer = await api.post<Problem>('/test-reports', api.world.reportBody({ regulations: ['KN 301 489'] }), lab.id);
    expect(answer.status).to.equal(400);
    expect(answer.body.errors).to.deep.equal([
      { pointer: '/regulations/0', message: 'must start with the economy code and a colon, then the regulation with its version, e.g. "KR:KN 301 489" or "VN:QCVN 54:2020/BTTTT"' },
    ]);
    expect(answer.text).not.to.contain('pattern');
  });
});
