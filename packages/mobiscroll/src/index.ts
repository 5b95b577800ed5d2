/**
 * `@cal/mobiscroll`: Mobiscroll Connect client at Python SDK parity, with webhook verification.
 * @packageDocumentation
 */
export { MobiscrollConnectClient, VERSION } from './client.js';
export { DEFAULT_BASE_URL, type MobiscrollConnectOptions } from './options.js';
export { AuthResource, type AuthUrlParams, type Credentials, type TokenResponse } from './resources/auth.js';
export { CalendarsResource } from './resources/calendars.js';
export {
  EventsResource,
  type CreateEventInput,
  type DeleteEventInput,
  type EventFieldsInput,
  type ListEventsParams,
  type RecurrenceInput,
  type UpdateEventInput,
} from './resources/events.js';
export { WebhooksResource, type SubscribeWebhookParams, type UnsubscribeWebhookParams } from './resources/webhooks.js';
export { EventsPage } from './events-page.js';
export { toCommonEvent } from './common-event.js';
export {
  PROVIDERS,
  type Attendee,
  type Calendar,
  type CalendarEvent,
  type ConnectedAccount,
  type ConnectionStatus,
  type EventTime,
  type Provider,
  type RecurrenceMode,
  type Scope,
  type SuccessResult,
  type WebhookSubscription,
} from './models.js';
export {
  verifyWebhook,
  WEBHOOK_TOLERANCE_SECONDS,
  type VerifyWebhookOptions,
  type WebhookDelivery,
  type WebhookEvent,
  type WebhookHeaders,
} from './webhooks/verify-webhook.js';
export { createWebhookKeyCache, type WebhookKey, type WebhookKeyCache, type WebhookKeyCacheOptions } from './webhooks/key-cache.js';
export {
  CalendarPermissionError,
  MobiscrollConnectError,
  WebhookVerificationError,
  type BlockedAccount,
  type WebhookVerificationReason,
} from './errors.js';
// The Python SDK's status classes are core's own classes, so `instanceof` works across the family.
export {
  AuthenticationError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  MemoryTokenStore,
  type TokenSet,
  type TokenStore,
} from '@cal/core';
