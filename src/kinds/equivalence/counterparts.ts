/**
 * The counterparts the equivalence kind provides to the others (`kit/counterparts.ts`): a test
 * report's or a certificate's foreign requirements matched to the equivalences in force, kept in
 * its facts under `equivalence`, and what the public coverage says of them.
 */
import { recordId } from '../../schemas/common.js';
import type { Counterparts } from '../kit/counterparts.js';
import { gatherEquivalenceFacts } from './facts.js';
import { equivalenceReasons, equivalentRegulations, type EquivalenceFacts } from './screening.js';

/** The key of a document's facts (in its creation's history entry) that holds its equivalence facts. */
export const EQUIVALENCE_FACTS_KEY = 'equivalence';

export const equivalenceCounterparts: Counterparts = {
  async find(reader, documented) {
    const facts = await gatherEquivalenceFacts(reader, documented);
    return { facts: { [EQUIVALENCE_FACTS_KEY]: facts }, regulations: equivalentRegulations(facts), reasons: equivalenceReasons(facts) };
  },

  async coverage(store, kind, id, regulations) {
    const [created] = (await store.history(kind, id, { limit: 1 })).items;
    const matches = (created?.facts?.[EQUIVALENCE_FACTS_KEY] as Partial<EquivalenceFacts> | undefined)?.matches ?? [];
    return {
      equivalentRegulations: [...regulations],
      equivalences: matches.flatMap((m) => (m.equivalenceId === undefined ? [] : [m.equivalenceId])),
    };
  },

  coverageProperties: {
    equivalentRegulations: { type: 'array', items: { type: 'string' }, description: 'Importing regulations it counts for through equivalences (MRA-ETR).' },
    equivalences: { type: 'array', items: recordId, description: 'The equivalences it counts through.' },
  },
};
