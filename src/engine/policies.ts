/** Kept for the importers of the old path: the policies live in `src/kinds/policies.ts`. */
export { DEFAULT_POLICIES, type InfoUnanswered, type Policies } from '../kinds/policies.js';
