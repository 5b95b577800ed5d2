/**
 * `@cal/testkit/mobiscroll`: a stateful Mobiscroll Connect simulator built from the Postman
 * collection and the reference, on the testkit harness.
 * @packageDocumentation
 */
export { startMobiscrollSimulator, type MobiscrollSimulator } from './mobiscroll/simulator.js';
export type { WebhookSigner } from './mobiscroll/signing.js';
export type { MsUser } from './mobiscroll/state.js';
export type {
  MobiscrollSimulatorOptions,
  MsAccount,
  MsCalendar,
  MsDelivery,
  MsEvent,
  MsProvider,
  MsRecurrence,
  MsScope,
  MsSubscription,
} from './mobiscroll/types.js';
