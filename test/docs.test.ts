/** The README is the front door: it must document what the code does, no more and no less. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VARIABLES } from '../src/config.js';
import { ERROR_CODES } from '../src/errors.js';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

function tableRows(heading: string): string[][] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`README has no "## ${heading}" section`);
  return section
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('README', () => {
  it('gives the two set-up commands: one runs the service with demo data, one runs the tests', () => {
    expect(readme).to.contain('npm install && npm start');
    expect(readme).to.match(/^npm test\b/m);
  });

  it('documents every configuration variable with its default, and no variable the code does not read', () => {
    const documented = new Map(tableRows('Configuration').map(([name, byDefault]) => [name!.replace(/`/g, ''), byDefault]));
    expect([...documented.keys()].sort()).to.deep.equal(VARIABLES.map((v) => v.name).sort());
    for (const variable of VARIABLES) expect(documented.get(variable.name), variable.name).to.equal(variable.default);
  });

  it('lists every error code with its HTTP status, and no code the registry does not have', () => {
    const documented = new Map(tableRows('Errors').map(([code, status]) => [code!.replace(/`/g, ''), Number(status)]));
    expect([...documented.keys()].sort()).to.deep.equal(Object.keys(ERROR_CODES).sort());
    for (const [code, { status }] of Object.entries(ERROR_CODES)) expect(documented.get(code), code).to.equal(status);
  });
});
