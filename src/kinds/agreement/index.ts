/** An agreement: the kind as the registry holds it (machine and table, rules, schemas, words, particulars). */
import { defineKind } from '../kit/module.js';
import { agreementWorkflow } from './machine.js';
import { agreementParticulars } from './particulars.js';
import { agreementRules } from './rules.js';
import { createAgreement, agreementEvents, agreementListQuery } from './schemas.js';
import { agreementWords } from './words.js';

export const agreementKind = defineKind({
  workflow: agreementWorkflow,
  rules: agreementRules,
  schemas: { create: createAgreement, events: agreementEvents, list: agreementListQuery },
  words: agreementWords,
  particulars: agreementParticulars,
  heldUnder: ['agreement'],
});
