export { Engine, type EngineOptions, type ListQuery, type DeadlineOutcome } from './engine.js';
export { Durations, type DurationOverrides } from './durations-table.js';
export type { Resource } from './resource.js';
