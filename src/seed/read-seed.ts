/**
 * Reads `seed/` and checks it before anything is written: each file against its JSON Schema,
 * then the references between files. A problem stops start-up with the file and the field.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SeedScenario } from '../schemas/seed.js';
import type { Cab, Economy, Regulation, SeedPrincipal } from '../schemas/reference.js';
import { seedSchemas } from '../schemas/index.js';
import { AppError, isAppError } from '../errors.js';
import type { Validator } from '../validation.js';

export interface SeedData {
  economies: Economy[];
  regulations: Regulation[];
  cabs: Cab[];
  principals: SeedPrincipal[];
  scenario: SeedScenario;
}

function seedError(file: string, pointer: string, message: string): AppError {
  return new AppError({ code: 'SEED_INVALID', detail: `${file}: ${pointer || '(file)'}: ${message}` });
}

async function readSeedFile<T>(dir: string, name: keyof typeof seedSchemas, validator: Validator): Promise<T> {
  const path = join(dir, name);
  const shown = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError({ code: 'SEED_INVALID', detail: `${shown}: cannot be read (${(error as Error).message})`, cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError({ code: 'SEED_INVALID', detail: `${shown}: not valid JSON (${(error as Error).message})`, cause: error });
  }
  try {
    return validator.validate<T>(seedSchemas[name].$id, data, shown);
  } catch (error) {
    if (!isAppError(error, 'VALIDATION_FAILED')) throw error;
    const first = error.errors?.[0];
    throw seedError(shown, first?.pointer ?? '', `${first?.message ?? error.detail}${(error.errors?.length ?? 0) > 1 ? ` (and ${error.errors!.length - 1} more)` : ''}`);
  }
}

function duplicates(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  return values.find((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/** Cross-file checks: every economy, CAB and principal a record names exists, ids are unique. */
function checkReferences(dir: string, seed: SeedData): void {
  const file = (name: string) => relative(process.cwd(), join(dir, name)) || name;
  const economies = new Set(seed.economies.map((e) => e.code));
  const regulations = new Set(seed.regulations.map((r) => r.id));
  const cabs = new Map(seed.cabs.map((c) => [c.id, c]));
  seed.regulations.forEach((r, i) => {
    if (!economies.has(r.economy)) throw seedError(file('regulations.json'), `/${i}/economy`, `unknown economy "${r.economy}"`);
    if (!r.id.startsWith(`${r.economy}:`)) throw seedError(file('regulations.json'), `/${i}/id`, `must start with "${r.economy}:"`);
    if (r.supersededBy !== undefined && !regulations.has(r.supersededBy)) {
      throw seedError(file('regulations.json'), `/${i}/supersededBy`, `unknown regulation "${r.supersededBy}"`);
    }
    // A transition period follows a replacement: it needs the replacement's date, and ends after it.
    if (r.acceptedUntil !== undefined && (r.retiredAt === undefined || Date.parse(r.acceptedUntil) <= Date.parse(r.retiredAt))) {
      throw seedError(file('regulations.json'), `/${i}/acceptedUntil`, 'must come after retiredAt (the end of the transition period that follows the replacement)');
    }
  });
  seed.cabs.forEach((c, i) => {
    if (!economies.has(c.economy)) throw seedError(file('cabs.json'), `/${i}/economy`, `unknown economy "${c.economy}"`);
  });
  seed.principals.forEach((p, i) => {
    if (p.economy !== undefined && !economies.has(p.economy)) throw seedError(file('principals.json'), `/${i}/economy`, `unknown economy "${p.economy}"`);
    if (p.cabId !== undefined && !cabs.has(p.cabId)) throw seedError(file('principals.json'), `/${i}/cabId`, `unknown CAB "${p.cabId}"`);
  });
  const checks: Array<[string, string, readonly string[]]> = [
    ['regulations.json', 'id', seed.regulations.map((r) => r.id)],
    ['cabs.json', 'id', seed.cabs.map((c) => c.id)],
    ['principals.json', 'id', seed.principals.map((p) => p.id)],
    ['principals.json', 'apiKey', seed.principals.map((p) => p.apiKey)],
  ];
  for (const [name, field, values] of checks) {
    const twice = duplicates(values);
    if (twice !== undefined) throw seedError(file(name), `/${values.indexOf(twice, values.indexOf(twice) + 1)}/${field}`, `"${twice}" appears twice`);
  }
  const principals = new Set(seed.principals.map((p) => p.id));
  seed.scenario.steps.forEach((step, i) => {
    if (step.as !== 'system' && !principals.has(step.as)) throw seedError(file('scenario.json'), `/steps/${i}/as`, `unknown principal "${step.as}"`);
  });
}

export async function readSeed(dir: string, validator: Validator): Promise<SeedData> {
  const seed: SeedData = {
    economies: await readSeedFile(dir, 'economies.json', validator),
    regulations: await readSeedFile(dir, 'regulations.json', validator),
    cabs: await readSeedFile(dir, 'cabs.json', validator),
    principals: await readSeedFile(dir, 'principals.json', validator),
    scenario: await readSeedFile(dir, 'scenario.json', validator),
  };
  checkReferences(dir, seed);
  return seed;
}
