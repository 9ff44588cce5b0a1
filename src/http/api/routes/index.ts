/**
 * Every route of the API, in the order the OpenAPI document lists them: the workflow resources of
 * every registered kind (`src/kinds/index.ts`), then one router file per other resource.
 */
import { kindNames } from '../../../kinds/index.js';
import type { RouteSpec } from '../route.js';
import { workflowRoutes } from '../workflow-routes.js';
import { adminOutboxRoutes } from './admin-outbox.js';
import { apiKeyRoutes } from './api-keys.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { cabRoutes } from './cabs.js';
import { economyRoutes } from './economies.js';
import { healthRoutes } from './health.js';
import { machineRoutes } from './machines.js';
import { principalRoutes } from './principals.js';
import { publicCoverageRoutes } from './public-coverage.js';
import { publicDocumentRoutes } from './public-documents.js';
import { publicRecognitionRoutes } from './public-recognitions.js';
import { publicRecordRoutes } from './public-records.js';
import { publicStatisticsRoutes } from './public-statistics.js';
import { publicTestReportRoutes } from './public-test-reports.js';
import { regulationRoutes } from './regulations.js';
import { testReportDocumentRoutes } from './test-report-documents.js';
import { watchRoutes } from './watches.js';
import { webhookRoutes } from './webhooks.js';

export function apiRoutes(): RouteSpec[] {
  return [
    ...kindNames().flatMap((kind) => workflowRoutes(kind)),
    ...testReportDocumentRoutes,
    ...economyRoutes,
    ...regulationRoutes,
    ...cabRoutes,
    ...publicTestReportRoutes,
    ...publicRecognitionRoutes,
    ...publicCoverageRoutes,
    ...publicDocumentRoutes,
    // After publicTestReportRoutes: /public/test-reports/accepted.csv is not a report's id.
    ...publicRecordRoutes,
    ...publicStatisticsRoutes,
    ...healthRoutes,
    ...machineRoutes,
    ...principalRoutes,
    ...apiKeyRoutes,
    ...auditRoutes,
    ...authRoutes,
    ...adminOutboxRoutes,
    ...watchRoutes,
    ...webhookRoutes,
  ];
}
