/**
 * The README and docs/ are the front door: they must document what the code does, no more and no
 * less, and every link in them must lead somewhere. The tables are read as data and compared with
 * the code's own registries, so a renamed state, a new error code or a new folder fails here until
 * the documentation says so.
 */
import { expect } from 'chai';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { KINDS, PRINCIPAL_ROLES, workflows } from '../src/kinds/index.js';
import { allRoutes } from '../src/http/api/app.js';
import { VARIABLES, withVariablesTable } from '../src/config.js';
import { ERROR_CODES } from '../src/errors.js';
import { ROOT, anchorsOf, codeIn, readDoc, relativeLinks, rowsOfTablesWith, section, tableRows } from './helpers/markdown.js';

const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const readme = readDoc('README.md');
const domain = readDoc('docs/domain.md');

/** Every file under a folder of the repository, as a path from the root. */
function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
}

/** Where a relative link from `from` leads, and the anchor it names, if any. */
function resolveLink(from: string, target: string): { file: string; anchor: string | null } {
  const [path = '', anchor] = target.split('#');
  const file = path === '' ? from : normalize(join(dirname(from), decodeURIComponent(path)));
  return { file, anchor: anchor === undefined || anchor === '' ? null : anchor };
}

/** Every broken relative link of the documents: a file that does not exist, or a heading that is not there. */
function brokenLinks(documents: readonly string[]): string[] {
  const broken: string[] = [];
  for (const from of documents) {
    for (const target of relativeLinks(readDoc(from))) {
      const { file, anchor } = resolveLink(from, target);
      if (relative(ROOT, join(ROOT, file)).startsWith('..')) broken.push(`${from}: ${target} leads outside the repository`);
      else if (!existsSync(join(ROOT, file))) broken.push(`${from}: ${target} (no file ${file})`);
      else if (anchor !== null && file.endsWith('.md') && !anchorsOf(readDoc(file)).has(anchor)) broken.push(`${from}: ${target} (no heading #${anchor} in ${file})`);
    }
  }
  return broken;
}

describe('README', () => {
  it('gives the two set-up commands: one runs the service with demo data, one runs the tests', () => {
    expect(readme).to.contain('npm install && npm start');
    expect(readme).to.match(/^npm test\b/m);
  });
});

describe('docs/configuration.md', () => {
  const configuration = readDoc('docs/configuration.md');

  it('documents every configuration variable with its default, and no variable the code does not read', () => {
    const documented = new Map(tableRows(section(configuration, 2, 'Variables')).map(([name, byDefault]) => [name!.replace(/`/g, ''), byDefault]));
    expect([...documented.keys()].sort()).to.deep.equal(VARIABLES.map((v) => v.name).sort());
    for (const variable of VARIABLES) expect(documented.get(variable.name), variable.name).to.equal(variable.default);
  });

  it('shows the table the settings derive, word for word (if not, run `npm run docs:config`)', () => {
    expect(configuration, 'docs/configuration.md is out of date: run `npm run docs:config` and commit it').to.equal(withVariablesTable(configuration));
  });
});

describe('README and docs/', () => {
  it('name only environment variables the code reads: the service, the tests or the bench', () => {
    const readElsewhere = ['test', 'bench'].flatMap(files).flatMap((file) => [...readDoc(file).matchAll(/process\.env\[?'?([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!));
    const known = new Set([...VARIABLES.map((v) => v.name), ...readElsewhere]);
    for (const doc of DOCS) {
      const named = [...readDoc(doc).matchAll(/`((?:MRA|SMTP|MAIL|LOG|MONGODB|BENCH|FUZZ)_[A-Z0-9_]+)/g)].map((m) => m[1]!);
      for (const name of named) expect(known.has(name), `${doc} names ${name}`).to.equal(true);
    }
  });

  it('list every error code with its HTTP status in docs/api.md, and nowhere a code or status the registry does not have', () => {
    const listed = new Map(tableRows(section(readDoc('docs/api.md'), 2, 'Errors')).map(([code, status]) => [code!.replace(/`/g, ''), Number(status)]));
    expect([...listed.keys()].sort()).to.deep.equal(Object.keys(ERROR_CODES).sort());
    for (const doc of DOCS) {
      for (const [code, status] of rowsOfTablesWith(readDoc(doc), 'Status')) {
        const name = code!.replace(/`/g, '');
        expect(ERROR_CODES, `${doc}: ${name}`).to.have.property(name);
        expect(ERROR_CODES[name as keyof typeof ERROR_CODES].status, `${doc}: ${name}`).to.equal(Number(status));
      }
    }
  });

  it('link only to files and headings that exist in the repository', () => {
    expect(brokenLinks(DOCS)).to.deep.equal([]);
  });

  it('name only paths of the repository that exist', () => {
    for (const doc of DOCS) {
      const paths = [...readDoc(doc).matchAll(/`((?:src|test|seed|bench|docs)\/[\w./-]*)`/g)].map((m) => m[1]!);
      for (const path of paths) expect(existsSync(join(ROOT, path)), `${doc} names ${path}`).to.equal(true);
    }
  });

});

describe('the repository', () => {
  it('refers to no document outside itself: every file of README, docs, src, seed, bench and test', () => {
    const all = [...DOCS, 'eslint.config.js', ...['src', 'seed', 'bench', 'test'].flatMap(files)];
    const outside = /\.\.\/shared|\b(?:DESIGN|STYLE|DOMAIN|API)\.md\b/;
    expect(all.filter((file) => outside.test(readDoc(file)))).to.deep.equal([]);
  });
});

describe('docs/domain.md', () => {
  for (const kind of KINDS) {
    const workflow = workflows[kind];
    const text = (): string => section(domain, 2, `${workflow.noun[0]!.toUpperCase()}${workflow.noun.slice(1)} (\`${kind}\`)`);

    it(`${kind}: describes exactly the states of the machine`, () => {
      const documented = tableRows(section(text(), 3, 'States')).map(([state]) => state!.replace(/`/g, ''));
      expect(documented).to.have.members(Object.keys(workflow.machine.states));
    });

    it(`${kind}: describes exactly the events of the machine, each with the roles that may send it`, () => {
      const rows = tableRows(section(text(), 3, 'Events'));
      expect(rows.map(([event]) => event!.replace(/`/g, ''))).to.have.members(Object.keys(workflow.events));
      const roleNames = new Set<string>([...PRINCIPAL_ROLES, 'system']);
      for (const [event, who] of rows) {
        const roles = new Set(workflow.events[event!.replace(/`/g, '')]!.map((rule) => rule.role));
        const written = new Set(codeIn(who!).filter((name) => roleNames.has(name)));
        expect([...written].sort(), `who may send ${event}`).to.deep.equal([...roles].sort());
      }
    });
  }

  it('describes every role a principal can hold, and the system', () => {
    const documented = tableRows(section(domain, 2, 'Roles')).map(([role]) => role!.replace(/`/g, ''));
    expect(documented).to.have.members([...PRINCIPAL_ROLES, 'system']);
  });

  it('gives every duration of every workflow with its default', () => {
    const documented = new Map(tableRows(section(domain, 2, 'Default durations')).map(([name, byDefault]) => [name!.replace(/`/g, ''), byDefault]));
    const durations = KINDS.flatMap((kind) => Object.entries(workflows[kind].durations).map(([name, d]) => [`${kind}.${name}`, d.default] as const));
    expect([...documented.keys()]).to.have.members(durations.map(([name]) => name));
    for (const [name, byDefault] of durations) expect(documented.get(name), name).to.equal(byDefault);
  });
});

describe('docs/api.md', () => {
  it('documents every route the app serves', () => {
    const api = readDoc('docs/api.md');
    for (const route of allRoutes()) expect(api, `${route.method.toUpperCase()} ${route.path}`).to.contain(`${route.method.toUpperCase()} ${route.path}`);
  });
});

describe('docs/architecture.md', () => {
  it('describes every folder under src/', () => {
    const architecture = readDoc('docs/architecture.md');
    const folders = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .flatMap((e) => [`${dir}/${e.name}/`, ...folders(`${dir}/${e.name}`)]);
    for (const folder of folders('src')) expect(architecture, folder).to.contain(`\`${folder}\``);
  });
});
