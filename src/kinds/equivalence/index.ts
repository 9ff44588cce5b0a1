/** An equivalence: the kind as the registry holds it (machine and table, rules, schemas, words, particulars), and the counterparts it tells test reports and certificates. */
import { defineKind } from '../kit/module.js';
import { EQUIVALENCE_FACTS_KEY, equivalenceCounterparts } from './counterparts.js';
import { equivalenceWorkflow } from './machine.js';
import { equivalenceParticulars } from './particulars.js';
import { equivalenceRules } from './rules.js';
import { createEquivalence, equivalenceEvents, equivalenceListQuery } from './schemas.js';
import { equivalenceWords } from './words.js';

export const equivalenceKind = defineKind({
  workflow: equivalenceWorkflow,
  rules: equivalenceRules,
  schemas: { create: createEquivalence, events: equivalenceEvents, list: equivalenceListQuery },
  words: equivalenceWords,
  particulars: equivalenceParticulars,
  heldUnder: [EQUIVALENCE_FACTS_KEY, 'matches'],
  counterparts: equivalenceCounterparts,
});
