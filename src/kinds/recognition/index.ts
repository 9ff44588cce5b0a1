/** A recognition: the kind as the registry holds it (machine and table, rules, schemas, words, particulars). */
import { defineKind } from '../kit/module.js';
import { recognitionWorkflow } from './machine.js';
import { recognitionParticulars } from './particulars.js';
import { recognitionRules } from './rules.js';
import { createRecognition, recognitionEvents, recognitionListQuery } from './schemas.js';
import { recognitionWords } from './words.js';

export const recognitionKind = defineKind({
  workflow: recognitionWorkflow,
  rules: recognitionRules,
  schemas: { create: createRecognition, events: recognitionEvents, list: recognitionListQuery },
  words: recognitionWords,
  particulars: recognitionParticulars,
  heldUnder: ['recognitions', 'suspendedRecognitions', 'existing'],
});
