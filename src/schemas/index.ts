/** Every schema of the service, by purpose. One place, so ajv and the OpenAPI document see the same set. */
import { accessSchemas } from './access.js';
import { hookSchemas } from './watches-and-webhooks.js';
import { accreditationEvents, createAccreditation } from '../kinds/accreditation/schemas.js';
import { agreementEvents, createAgreement } from '../kinds/agreement/schemas.js';
import { certificateEvents, createCertificate } from '../kinds/certificate/schemas.js';
import { createEquivalence, equivalenceEvents } from '../kinds/equivalence/schemas.js';
import {
  acceptedReportsCsvQuery,
  cabsQuery,
  historyQuery,
  langQuery,
  listQueries,
  noQuery,
  auditQuery,
  outboxQuery,
  principalsQuery,
  publicRecognitionsQuery,
  publicCoverageQuery,
  publicTestReportsQuery,
  regulationsQuery,
  signInQuery,
} from './queries.js';
import { createRecognition, recognitionEvents } from '../kinds/recognition/schemas.js';
import { cab, createCab, economy, regulation, seedPrincipal } from './reference.js';
import { responseSchemas } from './responses.js';
import { seedCabs, seedEconomies, seedPrincipals, seedRegulations, seedScenario } from './seed.js';
import { createTestReport, testReportEvents } from '../kinds/test-report/schemas.js';

/** For each workflow kind: the body that creates an instance and the body of each event. */
export const workflowSchemas = {
  agreements: { create: createAgreement, events: agreementEvents },
  accreditations: { create: createAccreditation, events: accreditationEvents },
  recognitions: { create: createRecognition, events: recognitionEvents },
  'test-reports': { create: createTestReport, events: testReportEvents },
  certificates: { create: createCertificate, events: certificateEvents },
  equivalences: { create: createEquivalence, events: equivalenceEvents },
} as const;

export const referenceSchemas = { economy, regulation, cab, createCab, seedPrincipal } as const;

export const seedSchemas = {
  'economies.json': seedEconomies,
  'regulations.json': seedRegulations,
  'cabs.json': seedCabs,
  'principals.json': seedPrincipals,
  'scenario.json': seedScenario,
} as const;

interface SchemaSet {
  create: { $id: string };
  events: Record<string, { $id: string }>;
}

export const querySchemas = {
  ...listQueries,
  history: historyQuery,
  none: noQuery,
  regulations: regulationsQuery,
  cabs: cabsQuery,
  publicTestReports: publicTestReportsQuery,
  publicRecognitions: publicRecognitionsQuery,
  publicCoverage: publicCoverageQuery,
  outbox: outboxQuery,
  principals: principalsQuery,
  audit: auditQuery,
  signIn: signInQuery,
  acceptedReportsCsv: acceptedReportsCsvQuery,
  lang: langQuery,
} as const;

/** Every top-level schema (each has an `$id`). */
export function allSchemas(): Array<{ $id: string }> {
  const sets: SchemaSet[] = Object.values(workflowSchemas);
  return [
    ...sets.flatMap((set) => [set.create, ...Object.values(set.events)]),
    ...Object.values(referenceSchemas),
    ...Object.values(accessSchemas),
    ...Object.values(hookSchemas),
    ...Object.values(seedSchemas),
    ...Object.values(querySchemas),
    ...Object.values(responseSchemas),
  ];
}
