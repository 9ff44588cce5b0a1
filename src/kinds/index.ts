/**
 * The registry of kinds: each kind registers one module (its machine and table, rules, schemas,
 * words and particulars, all in its own folder), and everything else is derived from it: the
 * API's workflow routes and their OpenAPI entries, the schemas ajv compiles, the wording of
 * e-mails and pages, the search definitions, the pages' lists. Adding a kind is a folder and a
 * line in `defaultKinds` (or `registerKind` where the service is wired, as the fixture test does).
 */
import { accreditationKind } from './accreditation/index.js';
import { agreementKind } from './agreement/index.js';
import { certificateKind } from './certificate/index.js';
import { designationKind } from './designation/index.js';
import { equivalenceKind } from './equivalence/index.js';
import type { Counterparts } from './kit/counterparts.js';
import type { AnyKindModule, KindSchemas } from './kit/module.js';
import type { KindRules } from './kit/rules.js';
import { recognitionKind } from './recognition/index.js';
import { testReportKind } from './test-report/index.js';
import type { Kind, Workflow } from './types.js';

/** The kinds the service runs unless told otherwise, in the order the API and the pages list them. */
export const defaultKinds: readonly AnyKindModule[] = [agreementKind, accreditationKind, designationKind, recognitionKind, testReportKind, certificateKind, equivalenceKind];

const registered = new Map<string, AnyKindModule>();
let generation = 0;

/** Every registered kind's workflow table, by kind (a view kept in step with the registry). */
export const workflows: Record<Kind, Workflow> = {} as Record<Kind, Workflow>;
/** Every registered kind's rules, by kind (a view kept in step with the registry). */
export const kindRules: Record<Kind, KindRules> = {} as Record<Kind, KindRules>;
/** Every registered kind's schemas (create, events, list query), by kind (a view kept in step with the registry). */
export const kindSchemas: Record<Kind, KindSchemas> = {} as Record<Kind, KindSchemas>;

function add(module: AnyKindModule): void {
  const kind = module.workflow.kind;
  registered.set(kind, module);
  workflows[kind] = module.workflow;
  kindRules[kind] = module.rules;
  kindSchemas[kind] = module.schemas;
  generation += 1;
}

for (const module of defaultKinds) add(module);

/**
 * Adds a kind to the registry before the service is built (its schemas are compiled, its routes
 * mounted and its words looked up from then on). Returns what takes it away again, for a test.
 *
 * @example const unregister = registerKind(permitKind); // then createApp(deps) serves /permits
 */
export function registerKind(module: AnyKindModule): () => void {
  const kind = module.workflow.kind;
  if (registered.has(kind)) throw new Error(`The kind "${kind}" is already registered.`);
  add(module);
  return () => {
    registered.delete(kind);
    delete (workflows as Record<string, Workflow>)[kind];
    delete (kindRules as Record<string, KindRules>)[kind];
    delete (kindSchemas as Record<string, KindSchemas>)[kind];
    generation += 1;
  };
}

/** Every registered kind, in the order they were registered. */
export function kindModules(): AnyKindModule[] {
  return [...registered.values()];
}

/** The names of the registered kinds, as the API names their collections. */
export function kindNames(): Kind[] {
  return [...registered.keys()] as Kind[];
}

/** The module of a registered kind. */
export function kindModule(kind: Kind): AnyKindModule {
  const module = registered.get(kind);
  if (!module) throw new Error(`The kind "${kind}" is not registered.`);
  return module;
}

/** Whether a name is a registered kind: the check at the edges (a URL, a query, a stored row). */
export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && registered.has(value);
}

/**
 * The counterparts of foreign requirements, from the registered kind that provides them (the
 * equivalences): test reports and certificates get them in their rules' context.
 */
export function counterparts(): Counterparts {
  const provided = [...registered.values()].flatMap((module) => (module.counterparts ? [module.counterparts] : []));
  if (provided.length !== 1) throw new Error(`Exactly one registered kind must provide counterparts; ${provided.length} do.`);
  return provided[0]!;
}

/** Changes whenever a kind is registered or taken away, so that what is derived can be derived again. */
export function registryGeneration(): number {
  return generation;
}

export * from './types.js';
