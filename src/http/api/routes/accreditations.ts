/** `/accreditations`: the accreditations workflow resource (its routes have the shape all workflow resources share). */
import { workflowRoutes } from '../workflow-routes.js';

export const accreditationsRoutes = workflowRoutes('accreditations');
