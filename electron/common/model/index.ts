/** The closure domain's public API for main and renderer. */
export * from './primitives';
export * from './plan';
export * from './commands';
export * from './events';
export * from './history-entry';
export * from './document';
export * from './new-plan';
export { apply, applyToPlans, type Applied } from './reducer';
export { replay, historyOf, burndown, timeline, type BurndownPoint, type TimelineEntry } from './history';
export { migrateDocument } from './migrations';
export { checkInvariants } from './invariants';
