/** `/recognitions`: the recognitions workflow resource (its routes have the shape all workflow resources share). */
import { workflowRoutes } from '../workflow-routes.js';

export const recognitionsRoutes = workflowRoutes('recognitions');
