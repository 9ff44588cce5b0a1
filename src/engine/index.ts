export { Engine, type EngineOptions, type ListQuery, type TimerOutcome } from './engine.js';
export { Durations, type DurationOverrides } from '../kinds/durations-table.js';
export type { CommitContributor, CommittedTransition, Contribution, ContributorReads } from './contributors.js';
export type { Resource } from './resource.js';
