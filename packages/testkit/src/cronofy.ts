/**
 * `@cal/testkit/cronofy`: a stateful Cronofy simulator on two loopback origins (app + API host).
 * @packageDocumentation
 */
export { startCronofySimulator } from './cronofy/simulator.js';
export { cronofyHmac } from './cronofy/push.js';
export type {
  CronofySimulator,
  CronofySimulatorOptions,
  SimCronofyCalendar,
  SimCronofyEvent,
  SimCronofyPush,
} from './cronofy/types.js';
