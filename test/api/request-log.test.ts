import { expect } from 'chai';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createApp } from '../../src/http/api/app.js';
import { listen, type RunningServer } from '../../src/http/api/server.js';
import { apiDeps } from '../helpers/api.js';
import { World } from '../helpers/world.js';

interface Line {
  level: number;
  req?: { id: string; url: string };
  res?: { statusCode: number };
  principal?: string;
}

const DEBUG = 20;
const WARN = 40;

describe('HTTP: the log line of a request', () => {
  let world: World;
  const servers: RunningServer[] = [];
  before(async () => (world = await World.create()));
  after(async () => {
    for (const server of servers) await server.close();
    await world.close();
  });

  async function serve(level: string): Promise<{ url: string; lines: Line[] }> {
    const lines: Line[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const text of chunk.toString('utf8').split('\n')) if (text) lines.push(JSON.parse(text) as Line);
        done();
      },
    });
    const server = await listen(createApp({ ...apiDeps(world), log: pino({ level }, sink) }), 0);
    servers.push(server);
    return { url: server.url, lines };
  }

  const requestLines = (lines: Line[]): Line[] => lines.filter((line) => line.res !== undefined);
  const call = (url: string, key: string) => fetch(`${url}/economies`, { headers: { authorization: `Bearer ${key}` } }).then((answer) => answer.status);

  it('at LOG_LEVEL=info, writes no line for an answer that went well and a warn line for a refusal', async () => {
    const { url, lines } = await serve('info');
    expect(await call(url, 'demo-importer-key')).to.equal(200);
    expect(await call(url, 'not-a-key-0123456789')).to.equal(401);
    await new Promise((resolve) => setImmediate(resolve));
    expect(requestLines(lines).map((line) => [line.level, line.res!.statusCode])).to.deep.equal([[WARN, 401]]);
  });

  it('at LOG_LEVEL=debug, writes a line for every answer, naming the principal of a good key', async () => {
    const { url, lines } = await serve('debug');
    expect(await call(url, 'demo-importer-key')).to.equal(200);
    await new Promise((resolve) => setImmediate(resolve));
    const [line] = requestLines(lines);
    expect(line?.level).to.equal(DEBUG);
    expect(line?.res?.statusCode).to.equal(200);
    expect(line?.principal).to.be.a('string');
  });

  it('never writes a sign-in token (or another secret of the query) into the log, whatever the answer', async () => {
    const { url, lines } = await serve('debug');
    const token = 'unused-sign-in-token-0123456789abcdefghijklmn';
    expect((await fetch(`${url}/auth/sign-in?token=${token}&next=%2Fwork`, { headers: { accept: 'application/json' } })).status).to.equal(401);
    expect((await fetch(`${url}/auth/sign-in?next=%2Fwork&TOKEN=${token}`, { headers: { accept: 'application/json' } })).status).to.be.at.least(400);
    expect((await fetch(`${url}/economies?api_key=${token}`)).status).to.be.at.least(400);
    // A page sending someone back to the link, e.g. after switching the language.
    const back = encodeURIComponent(`/auth/sign-in?token=${token}`);
    expect((await fetch(`${url}/language/vi?back=${back}`, { redirect: 'manual' })).status).to.equal(303);
    await new Promise((resolve) => setImmediate(resolve));
    const logged = requestLines(lines);
    expect(logged).to.have.length(4);
    expect(JSON.stringify(lines)).to.not.contain(token);
    expect(logged.map((line) => line.req!.url)).to.deep.equal([
      '/auth/sign-in?token=[redacted]&next=%2Fwork',
      '/auth/sign-in?next=%2Fwork&TOKEN=[redacted]',
      '/economies?api_key=[redacted]',
      `/language/vi?back=${encodeURIComponent('/auth/sign-in?token=[redacted]')}`,
    ]);
  });
});
