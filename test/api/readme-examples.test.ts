/**
 * The README's curl examples, then those of docs/using-the-api.md that follow them, run word for
 * word (but for the port) against the service started as `npm start` starts it, on a fresh store
 * with the demo seed. An example whose comment says "Refused" must answer the problem it names;
 * every other one must succeed.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServiceProcess, type RunningService } from '../helpers/service-process.js';
import { tempDir } from '../helpers/world.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const usingTheApi = readFileSync(join(ROOT, 'docs', 'using-the-api.md'), 'utf8');

/** The first `sh` block of a section, as examples: a comment, then one command. */
function examplesIn(section: string): Array<{ comment: string; command: string }> {
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => {
      const lines = paragraph.split('\n');
      return {
        comment: lines.filter((l) => l.startsWith('#')).join(' '),
        command: lines.filter((l) => !l.startsWith('#')).join('\n'),
      };
    });
}

/** The README's examples ("## Using the API"), then the ones docs/using-the-api.md adds after them ("## More examples"). */
function examples(): Array<{ comment: string; command: string }> {
  return [
    ...examplesIn(readme.slice(readme.indexOf('## Using the API'), readme.indexOf('## Configuration'))),
    ...examplesIn(usingTheApi.slice(usingTheApi.indexOf('## More examples'))),
  ];
}

describe('README: the curl examples, against the service as npm start runs it', function () {
  this.timeout(60_000);
  const { dir, remove } = tempDir('mra-readme-');
  let service: RunningService;
  before(async () => {
    service = await startServiceProcess({ MRA_DB_PATH: join(dir, 'mra.sqlite'), MRA_MAIL_DIR: join(dir, 'mail') });
  });
  after(async () => {
    await service.stop();
    remove();
  });

  it('has examples in the README and more in docs/using-the-api.md, each a curl command', () => {
    expect(examplesIn(readme.slice(readme.indexOf('## Using the API'), readme.indexOf('## Configuration'))).length).to.be.greaterThan(5);
    expect(examples().length).to.be.greaterThan(15);
    for (const { command } of examples()) expect(command).to.match(/^curl /);
  });

  it('runs every example in order, each doing what its comment says', async () => {
    const host = service.url.replace('http://', '');
    for (const { comment, command } of examples()) {
      const { stdout } = await run('bash', ['-c', command.replaceAll('localhost:3000', host)]);
      expect(stdout, comment).to.not.equal('');
      const refused = /Refused.*\((\d{3})\)/.exec(comment);
      if (refused) {
        const problem = JSON.parse(stdout) as { status: number; type: string };
        expect(problem.status, comment).to.equal(Number(refused[1]));
        continue;
      }
      expect(stdout, `${comment}\n${stdout}`).not.to.contain('urn:mra-engine:problem');
      if (command.startsWith('curl -si')) expect(stdout, comment).to.match(/^HTTP\/1\.1 200 OK/);
    }
  });
});
