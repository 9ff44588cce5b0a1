/** A designation at home: the kind as the registry holds it (machine and table, rules, schemas, words, particulars). */
import { defineKind } from '../kit/module.js';
import { designationWorkflow } from './machine.js';
import { designationParticulars } from './particulars.js';
import { designationRules } from './rules.js';
import { createDesignation, designationEvents, designationListQuery } from './schemas.js';
import { designationWords } from './words.js';

export const designationKind = defineKind({
  workflow: designationWorkflow,
  rules: designationRules,
  schemas: { create: createDesignation, events: designationEvents, list: designationListQuery },
  words: designationWords,
  particulars: designationParticulars,
  heldUnder: ['designations', 'designation'],
});
