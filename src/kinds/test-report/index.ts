/** A test report: the kind as the registry holds it (machine and table, rules, schemas, words, particulars). */
import { defineKind } from '../kit/module.js';
import { testReportWorkflow } from './machine.js';
import { testReportParticulars } from './particulars.js';
import { testReportRules } from './rules.js';
import { createTestReport, testReportEvents, testReportListQuery } from './schemas.js';
import { testReportWords } from './words.js';

export const testReportKind = defineKind({
  workflow: testReportWorkflow,
  rules: testReportRules,
  schemas: { create: createTestReport, events: testReportEvents, list: testReportListQuery },
  words: testReportWords,
  particulars: testReportParticulars,
  heldUnder: ['reports'],
});
