import type { Kind } from '../../../machines/types.js';
import { accreditationRules } from './accreditations.js';
import { agreementRules } from './agreements.js';
import { certificateRules } from './certificates.js';
import { equivalenceRules } from './equivalences.js';
import { recognitionRules } from './recognitions.js';
import { testReportRules } from './test-reports.js';
import type { KindRules } from './types.js';

export const kindRules: Readonly<Record<Kind, KindRules>> = {
  agreements: agreementRules,
  accreditations: accreditationRules,
  recognitions: recognitionRules,
  'test-reports': testReportRules,
  certificates: certificateRules,
  equivalences: equivalenceRules,
};
