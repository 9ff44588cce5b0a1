/** Every route of the API, in the order the OpenAPI document lists them. */
import type { RouteSpec } from '../route.js';
import { adminOutboxRoutes } from './admin-outbox.js';
import { machineRoutes } from './machines.js';
import { publicRoutes } from './public.js';
import { referenceRoutes } from './reference.js';
import { workflowResourceRoutes } from './workflow-resources.js';

export function apiRoutes(): RouteSpec[] {
  return [...workflowResourceRoutes, ...referenceRoutes, ...publicRoutes, ...machineRoutes, ...adminOutboxRoutes];
}
