/** Every route of the API, one router file per resource, in the order the OpenAPI document lists them. */
import type { RouteSpec } from '../route.js';
import { accreditationsRoutes } from './accreditations.js';
import { adminOutboxRoutes } from './admin-outbox.js';
import { apiKeyRoutes } from './api-keys.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { agreementsRoutes } from './agreements.js';
import { cabRoutes } from './cabs.js';
import { certificatesRoutes } from './certificates.js';
import { economyRoutes } from './economies.js';
import { equivalencesRoutes } from './equivalences.js';
import { healthRoutes } from './health.js';
import { machineRoutes } from './machines.js';
import { principalRoutes } from './principals.js';
import { publicCoverageRoutes } from './public-coverage.js';
import { publicDocumentRoutes } from './public-documents.js';
import { publicRecognitionRoutes } from './public-recognitions.js';
import { publicTestReportRoutes } from './public-test-reports.js';
import { recognitionsRoutes } from './recognitions.js';
import { regulationRoutes } from './regulations.js';
import { testReportDocumentRoutes } from './test-report-documents.js';
import { testReportsRoutes } from './test-reports.js';
import { watchRoutes } from './watches.js';
import { webhookRoutes } from './webhooks.js';

export function apiRoutes(): RouteSpec[] {
  return [
    ...agreementsRoutes,
    ...accreditationsRoutes,
    ...recognitionsRoutes,
    ...testReportsRoutes,
    ...certificatesRoutes,
    ...equivalencesRoutes,
    ...testReportDocumentRoutes,
    ...economyRoutes,
    ...regulationRoutes,
    ...cabRoutes,
    ...publicTestReportRoutes,
    ...publicRecognitionRoutes,
    ...publicCoverageRoutes,
    ...publicDocumentRoutes,
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
