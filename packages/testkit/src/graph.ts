/**
 * `@cal/testkit/graph`: a stateful Microsoft Graph v1.0 calendar simulator for tests, demos and benches.
 * @packageDocumentation
 */
export { startGraphSimulator, type GraphSimulator, type GraphSimulatorOptions } from './graph/simulator.js';
export type { BatchThrottle } from './graph/batch.js';
export type { GraphSimUser, Mailbox, StoredEvent, GraphState } from './graph/state.js';
