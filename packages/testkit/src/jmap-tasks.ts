/**
 * `@cal/testkit/jmap-tasks`: a stateful JMAP Tasks simulator (RFC 8620 + draft-ietf-jmap-tasks), for
 * the task API of `@cal/jmap` (Cyrus 3.10 offers no `urn:ietf:params:jmap:tasks`).
 * @packageDocumentation
 */
export { startJMAPTasksSimulator, type JMAPTasksSimulator, type JMAPTasksSimulatorOptions } from './jmap-tasks/simulator.js';
