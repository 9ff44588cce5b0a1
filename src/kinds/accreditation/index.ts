/** An accreditation: the kind as the registry holds it (machine and table, rules, schemas, words, particulars). */
import { defineKind } from '../kit/module.js';
import { accreditationWorkflow } from './machine.js';
import { accreditationParticulars } from './particulars.js';
import { accreditationRules } from './rules.js';
import { createAccreditation, accreditationEvents, accreditationListQuery } from './schemas.js';
import { accreditationWords } from './words.js';

export const accreditationKind = defineKind({
  workflow: accreditationWorkflow,
  rules: accreditationRules,
  schemas: { create: createAccreditation, events: accreditationEvents, list: accreditationListQuery },
  words: accreditationWords,
  particulars: accreditationParticulars,
  heldUnder: ['accreditations'],
});
