/**
 * `@cal/cronofy`: the Cronofy API at pycronofy parity and beyond, on `@cal/core`.
 * @packageDocumentation
 */
export { batchEntries } from './batch-entries.js';
export { CronofyClient } from './client.js';
export { toCommonEvent } from './common-event.js';
export { CRONOFY_DATA_CENTERS, cronofyHosts, type CronofyDataCenter, type CronofyHosts } from './data-centers.js';
export { CronofyErrorCode } from './errors.js';
// The error classes callers catch, re-exported so apps need one import (they are @cal/core's own).
export {
  AbortedError,
  AuthenticationError,
  CalError,
  ConflictError,
  ErrorCode,
  HttpError,
  NetworkError,
  NotFoundError,
  ProtocolError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  isCalError,
  MemoryTokenStore,
  type TokenSet,
  type TokenStore,
} from '@cal/core';
export { CronofyPages, type CronofyPageInfo, type CronofyPageJson } from './pages.js';
export { CRONOFY_HMAC_HEADER, signCronofyNotification, verifyCronofyNotification } from './push-verification.js';
export type { CronofyEventTime } from './event-time.js';
export type { CronofyTime } from './time-values.js';
export type {
  AvailabilityQuery,
  BatchEntry,
  BatchResult,
  CronofyAccount,
  CronofyAuthorization,
  CronofyAvailabilityRule,
  CronofyAvailablePeriod,
  CronofyCalendar,
  CronofyChannel,
  CronofyClientOptions,
  CronofyDuration,
  CronofyEvent,
  CronofyEventInput,
  CronofyFreeBusy,
  CronofyPeriod,
  CronofyProfile,
  CronofyRealTimeScheduling,
  CronofySmartInvite,
  CronofyUserinfo,
  ParticipationStatus,
  ReadEventsParams,
  ReadAvailablePeriodsParams,
  ReadFreeBusyParams,
  ServiceAccountAuthorization,
  UserAuthLinkOptions,
} from './types.js';
export type { components as CronofySchemas, paths as CronofyPaths } from './generated/cronofy.js';
