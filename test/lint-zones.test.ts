/**
 * The layer zones of `eslint.config.js`, proven on files that cross them: each fixture of
 * `test/fixtures/lint/` is linted with the repository's own configuration as if it stood at a path
 * of `src/`, and must fail with the zone rule, a message naming both zones and what to do instead.
 * The same file placed where the import is allowed must pass, so the failure is about the place.
 */
import { expect } from 'chai';
import { ESLint, type Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';

const ROOT = join(import.meta.dirname, '..');
const RULE = '@typescript-eslint/no-restricted-imports';

const fixture = (name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', 'lint', name), 'utf8');

/**
 * The repository's configuration; the zone rules need no type information, so it is switched off
 * here to keep the run fast (one program of the whole project would take most of a minute).
 * Whether `.tsx` files get type information under `npx eslint .` is asserted below.
 */
const eslint = new ESLint({ cwd: ROOT, overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }] });

async function zoneMessages(name: string, filePath: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(fixture(name), { filePath: join(ROOT, filePath) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `${name} parses`).to.deep.equal([]);
  return result!.messages.filter((m) => m.ruleId === RULE);
}

const CROSSINGS = [
  {
    fixture: 'machine-imports-express.ts.fixture',
    at: 'src/kinds/x/machine.ts',
    says: 'zone kinds may not import zone http',
    fix: 'return data or throw a coded error',
    allowedAt: 'src/http/api/x.ts',
  },
  {
    fixture: 'page-imports-better-sqlite3.tsx.fixture',
    at: 'src/http/web/pages/x.tsx',
    says: 'zone http may not import zone store adapters',
    fix: 'depend on the store port (src/store/port.ts)',
    allowedAt: 'src/store/sqlite/x.tsx',
  },
  {
    fixture: 'engine-imports-http.ts.fixture',
    at: 'src/engine/x.ts',
    says: 'zone engine may not import zone http',
    fix: 'let a route turn it into an answer',
    allowedAt: 'src/http/x.ts',
  },
];

describe('layer zones (eslint.config.js)', function () {
  this.timeout(30_000);

  for (const crossing of CROSSINGS) {
    it(`refuses ${crossing.fixture} at ${crossing.at}, naming the rule, both zones and the fix`, async () => {
      const messages = await zoneMessages(crossing.fixture, crossing.at);
      expect(messages.map((m) => m.message).join('\n')).to.contain(crossing.says).and.to.contain(crossing.fix);
      expect(messages.every((m) => m.severity === 2)).to.equal(true);
    });

    it(`lets ${crossing.fixture} stand at ${crossing.allowedAt}, where the import belongs`, async () => {
      expect(await zoneMessages(crossing.fixture, crossing.allowedAt)).to.deep.equal([]);
    });
  }

  it('lets rules and facts import types of the store port, and refuses its values', async () => {
    const messages = await zoneMessages('rules-import-store-port.ts.fixture', 'src/kinds/x/rules.ts');
    expect(messages.map((m) => [m.line, m.message.includes('zone kinds may not import zone store port (except with `import type`)')])).to.deep.equal([[3, true]]);
  });

  it('refuses any import of src/service.ts but from src/main.ts', async () => {
    const code = "import { startService } from './service.js';\nexport const start = startService;\n";
    const at = async (filePath: string) => (await eslint.lintText(code, { filePath: join(ROOT, filePath) }))[0]!.messages.filter((m) => m.ruleId === RULE);
    for (const importer of ['src/access/x.ts', 'src/engine/x.ts', 'src/a-new-folder/x.ts', 'src/cli/x.ts']) {
      expect((await at(importer)).map((m) => m.message).join(), importer).to.contain('nothing imports src/service.ts but src/main.ts');
    }
    expect(await at('src/main.ts')).to.deep.equal([]);
  });

  it('lints .tsx files with type information, as .ts files', async () => {
    const repository = new ESLint({ cwd: ROOT });
    for (const file of ['src/http/web/layout.tsx', 'src/http/web/render.tsx']) {
      const config = (await repository.calculateConfigForFile(join(ROOT, file))) as Linter.Config | undefined;
      expect(config, file).to.not.equal(undefined);
      const parserOptions = config!.languageOptions?.parserOptions as { projectService?: unknown } | undefined;
      expect(parserOptions?.projectService, file).to.be.an('object');
      expect(config!.rules?.['@typescript-eslint/no-floating-promises'], file).to.deep.equal([2]);
      expect(config!.rules?.[RULE], file).to.not.equal(undefined);
    }
  });
});
