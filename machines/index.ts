/**
 * The registry of workflows: every kind the engine runs, with its machine and its tables.
 */
import { accreditationWorkflow } from './accreditation.js';
import { agreementWorkflow } from './agreement.js';
import { certificateWorkflow } from './certificate.js';
import { equivalenceWorkflow } from './equivalence.js';
import { recognitionWorkflow } from './recognition.js';
import { testReportWorkflow } from './test-report.js';
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
