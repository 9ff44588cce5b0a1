/** Kept for the importers of the old path: the durations table lives with the kinds that declare it. */
export { Durations, type DurationOverrides } from '../kinds/durations-table.js';
