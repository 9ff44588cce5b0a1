/** Every schema of the service, by purpose. One place, so ajv and the OpenAPI document see the same set. */
import { kindModules, kindSchemas } from '../kinds/index.js';
import { accessSchemas } from './access.js';
import { hookSchemas } from './watches-and-webhooks.js';
import {
  acceptedReportsCsvQuery,
  cabsQuery,
  historyQuery,
  langQuery,
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
import { cab, createCab, economy, regulation, seedPrincipal } from './reference.js';
import { publicRecordSchemas } from './public-records.js';
import { responseSchemas } from './responses.js';
import { publicStatistics, publicStatisticsQuery } from './statistics.js';
import { seedCabs, seedEconomies, seedPrincipals, seedRegulations, seedScenario } from './seed.js';

/** For each registered kind: the body that creates an instance, the body of each event and the query of its list. */
export const workflowSchemas = kindSchemas;

export const referenceSchemas = { economy, regulation, cab, createCab, seedPrincipal } as const;

export const seedSchemas = {
  'economies.json': seedEconomies,
  'regulations.json': seedRegulations,
  'cabs.json': seedCabs,
  'principals.json': seedPrincipals,
  'scenario.json': seedScenario,
} as const;

export const querySchemas = {
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
  publicStatistics: publicStatisticsQuery,
} as const;

/** Every top-level schema (each has an `$id`). */
export function allSchemas(): Array<{ $id: string }> {
  const kinds = kindModules().map((module) => module.schemas);
  return [
    ...kinds.flatMap((set) => [set.create, ...Object.values(set.events)]),
    ...Object.values(referenceSchemas),
    ...Object.values(accessSchemas),
    ...Object.values(hookSchemas),
    ...Object.values(seedSchemas),
    ...kinds.map((set) => set.list),
    ...Object.values(querySchemas),
    ...Object.values(responseSchemas),
    ...Object.values(publicRecordSchemas),
    publicStatistics,
  ];
}
