/**
 * The registry of workflows: every kind the engine runs, with its machine and its tables.
 */
import { accreditationWorkflow } from './accreditation/machine.js';
import { agreementWorkflow } from './agreement/machine.js';
import { certificateWorkflow } from './certificate/machine.js';
import { equivalenceWorkflow } from './equivalence/machine.js';
import { recognitionWorkflow } from './recognition/machine.js';
import { testReportWorkflow } from './test-report/machine.js';
import { KINDS, type Kind, type Workflow } from './types.js';

export const workflows: Readonly<Record<Kind, Workflow>> = {
  agreements: agreementWorkflow,
  accreditations: accreditationWorkflow,
  recognitions: recognitionWorkflow,
  'test-reports': testReportWorkflow,
  certificates: certificateWorkflow,
  equivalences: equivalenceWorkflow,
};

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

export * from './types.js';
