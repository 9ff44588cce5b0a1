import type { Kind } from './types.js';
import { accreditationRules } from './accreditation/rules.js';
import { agreementRules } from './agreement/rules.js';
import { certificateRules } from './certificate/rules.js';
import { equivalenceRules } from './equivalence/rules.js';
import { recognitionRules } from './recognition/rules.js';
import { testReportRules } from './test-report/rules.js';
import type { KindRules } from './kit/rules.js';

export const kindRules: Readonly<Record<Kind, KindRules>> = {
  agreements: agreementRules,
  accreditations: accreditationRules,
  recognitions: recognitionRules,
  'test-reports': testReportRules,
  certificates: certificateRules,
  equivalences: equivalenceRules,
};
