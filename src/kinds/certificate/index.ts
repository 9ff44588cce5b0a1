/** A certificate: the kind as the registry holds it (machine and table, rules, schemas, words, particulars). */
import { defineKind } from '../kit/module.js';
import { certificateWorkflow } from './machine.js';
import { certificateParticulars } from './particulars.js';
import { certificateRules } from './rules.js';
import { createCertificate, certificateEvents, certificateListQuery } from './schemas.js';
import { certificateWords } from './words.js';

export const certificateKind = defineKind({
  workflow: certificateWorkflow,
  rules: certificateRules,
  schemas: { create: createCertificate, events: certificateEvents, list: certificateListQuery },
  words: certificateWords,
  particulars: certificateParticulars,
});
