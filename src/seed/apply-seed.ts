/**
 * Loads checked seed data into an empty store: reference data first, then the demo scenario,
 * step by step through the engine with its clock set to each step's moment, so the demo's
 * history, e-mails and deadlines are what real use would have produced.
 */
import type { Actor, Kind } from '../kinds/types.js';
import { SYSTEM_ACTOR } from '../kinds/types.js';
import { ManualClock } from '../clock.js';
import type { Durations } from '../kinds/durations-table.js';
import { Engine } from '../engine/engine.js';
import { commitContributors } from '../effects/contributors.js';
import { AppError, isAppError } from '../errors.js';
import { KeyHasher } from '../access/key-hash.js';
import { DEVELOPMENT_KEY_SECRET } from '../config.js';
import { actorOf, defaultOrganisation } from '../principals.js';
import type { AccessStore, ApiKeyRecord, DirectoryStore, PrincipalRecord, Store } from '../store/port.js';
import type { Validator } from '../validation.js';
import type { SeedData } from './read-seed.js';

export interface SeedSummary {
  economies: number;
  regulations: number;
  cabs: number;
  principals: number;
  steps: number;
}

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const OFFSET = /^([-+])(\d{1,5}) (minutes|hours|days)$/;

/** "-400 days" as milliseconds from the seeding moment. */
function offsetMs(text: string): number | null {
  const match = OFFSET.exec(text);
  if (!match) return null;
  return (match[1] === '-' ? -1 : 1) * Number(match[2]) * UNIT_MS[match[3] as keyof typeof UNIT_MS];
}

/** Replaces every string "@-700 days" in a body by that instant. */
function resolveTimes(value: unknown, now: number, where: string): unknown {
  if (typeof value === 'string' && value.startsWith('@')) {
    const ms = offsetMs(value.slice(1));
    if (ms === null) throw new AppError({ code: 'SEED_INVALID', detail: `${where}: "${value}" is not a time like "@-30 days"` });
    return new Date(now + ms).toISOString();
  }
  if (Array.isArray(value)) return value.map((v) => resolveTimes(v, now, where));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTimes(v, now, `${where}/${k}`)]));
  }
  return value;
}

/**
 * Writes economies, regulations, CABs, principals and their demo keys (hashed with `hasher`);
 * answers each principal's actor.
 */
export async function loadReferenceData(
  store: DirectoryStore & AccessStore,
  seed: SeedData,
  hasher: KeyHasher = new KeyHasher(DEVELOPMENT_KEY_SECRET),
  now: Date = new Date(),
): Promise<Map<string, Actor>> {
  for (const economy of seed.economies) await store.putEconomy(economy);
  for (const regulation of seed.regulations) await store.putRegulation(regulation);
  for (const cab of seed.cabs) await store.putCab(cab);
  const cabs = new Map(seed.cabs.map((c) => [c.id, c]));
  const actors = new Map<string, Actor>([['system', SYSTEM_ACTOR]]);
  for (const { apiKey, ...principal } of seed.principals) {
    const economy = principal.economy ?? (principal.cabId === undefined ? undefined : cabs.get(principal.cabId)?.economy);
    const record: PrincipalRecord = {
      ...principal,
      organisation: principal.organisation ?? defaultOrganisation(principal),
      ...(economy === undefined ? {} : { economy }),
    };
    await store.putPrincipal(record);
    await store.putApiKey(seedKey(record.id, hasher.hash(apiKey), now.toISOString()));
    actors.set(record.id, actorOf(record));
  }
  return actors;
}

/** The demo key of a seeded principal, known by `seed-<principal id>` in lists and logs. */
function seedKey(principalId: string, hash: string, at: string): ApiKeyRecord {
  return {
    id: `seed-${principalId}`,
    principalId,
    name: 'Demo key from seed/principals.json',
    prefix: `seed-${principalId}`,
    hash,
    hashScheme: 'hmac-sha256',
    createdAt: at,
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
  };
}

export async function applySeed(
  store: Store,
  seed: SeedData,
  options: { now: Date; durations: Durations; validator: Validator; hasher: KeyHasher },
): Promise<SeedSummary> {
  const actors = await loadReferenceData(store, seed, options.hasher, options.now);
  const now = options.now.getTime();
  const clock = new ManualClock(options.now);
  const engine = new Engine({ contributors: commitContributors(), store, clock, durations: options.durations, validator: options.validator, nodeId: 'seed' });
  const steps = seed.scenario.steps
    .map((step, index) => ({ step, index, at: now + (offsetMs(step.at) ?? 0) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  for (const { step, index, at } of steps) {
    const where = `seed/scenario.json: /steps/${index}`;
    clock.set(new Date(at));
    const actor = actors.get(step.as)!;
    const body = resolveTimes(step.body ?? {}, now, `${where}/body`);
    try {
      const resource =
        'create' in step
          ? await engine.create(step.create, body, actor, { id: step.id })
          : await engine.send(step.to.split('/')[0] as Kind, step.to.split('/')[1]!, { ...(body as object), type: step.send }, actor);
      if (step.expect !== undefined && resource.state !== step.expect) {
        throw new AppError({ code: 'SEED_INVALID', detail: `${where}: ended in state ${resource.state}, not ${step.expect}` });
      }
    } catch (error) {
      if (isAppError(error, 'SEED_INVALID')) throw error;
      throw new AppError({ code: 'SEED_INVALID', detail: `${where}: ${(error as Error).message}`, cause: error });
    }
  }
  return {
    economies: seed.economies.length,
    regulations: seed.regulations.length,
    cabs: seed.cabs.length,
    principals: seed.principals.length,
    steps: steps.length,
  };
}
