/**
 * The per-kind tables of the wording (nouns, states, events, deadlines, reasons…), gathered from
 * every registered kind's own words (`src/kinds/<kind>/words.ts`), so that a kind registered where
 * the service is wired is worded like the built-in ones. Gathered again whenever the registry
 * changes.
 */
import { kindModules, registryGeneration } from '../kinds/index.js';
import type { Language, Words } from '../kinds/kit/words.js';
import type { Kind } from '../kinds/types.js';
import type { GeneralWording, KindTables, PerKind, Wording } from './types.js';

const TABLES = ['nouns', 'states', 'events', 'unchanged', 'next', 'deadlines', 'reasons'] as const;

function gather(language: Language): KindTables {
  const modules = kindModules();
  const perKind = (pick: (words: (typeof modules)[number]['words'][Language]) => Words): PerKind =>
    Object.fromEntries(modules.map((m) => [m.workflow.kind, pick(m.words[language])])) as PerKind;
  return {
    nouns: Object.fromEntries(modules.map((m) => [m.workflow.kind, m.words[language].noun])) as Record<Kind, string>,
    states: perKind((w) => w.states),
    events: perKind((w) => w.events),
    unchanged: perKind((w) => w.unchanged),
    next: perKind((w) => w.next),
    deadlines: perKind((w) => w.deadlines),
    reasons: Object.assign({}, ...modules.map((m) => m.words[language].reasons)) as Words,
  };
}

const gathered = new Map<Language, { generation: number; tables: KindTables }>();

/** The kinds' tables in one language, as the registry stands. */
export function kindTables(language: Language): KindTables {
  const known = gathered.get(language);
  if (known?.generation === registryGeneration()) return known.tables;
  const tables = gather(language);
  gathered.set(language, { generation: registryGeneration(), tables });
  return tables;
}

/** The general wording of a language with the kinds' tables added (read from the registry each time, so always current). */
export function withKindWords(general: GeneralWording): Wording {
  const wording = { ...general };
  for (const table of TABLES) {
    Object.defineProperty(wording, table, { enumerable: true, get: () => kindTables(general.language)[table] });
  }
  return wording as Wording;
}
