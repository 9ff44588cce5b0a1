/**
 * `npm run docs:config`: writes the table of variables into docs/configuration.md from the table
 * of settings (`src/config/settings.ts`). `test/docs.test.ts` fails until the two agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withVariablesTable } from '../src/config/index.js';

const file = join(import.meta.dirname, '..', 'docs', 'configuration.md');
const before = readFileSync(file, 'utf8');
const after = withVariablesTable(before);
if (after === before) console.log('docs/configuration.md: the table of variables is up to date');
else {
  writeFileSync(file, after);
  console.log('docs/configuration.md: the table of variables is rewritten');
}
