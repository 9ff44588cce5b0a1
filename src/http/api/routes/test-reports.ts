/** `/test-reports`: the test-reports workflow resource (its routes have the shape all workflow resources share). */
import { workflowRoutes } from '../workflow-routes.js';

export const testReportsRoutes = workflowRoutes('test-reports');
