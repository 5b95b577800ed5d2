/**
 * `@cal/jmap`: a JMAP for Calendars client (RFC 8620 core, RFC 8984 JSCalendar,
 * draft-ietf-jmap-calendars, draft-ietf-jmap-tasks) on `@cal/core`'s HTTP client, tested on Cyrus 3.10.
 * @packageDocumentation
 */
// The @cal/core error classes this package throws, re-exported so apps need one import.
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
} from '@cal/core';
export { createJMAPClient, type JMAPClient, type JMAPClientOptions } from './client.js';
export { call, type MethodCall } from './method-call.js';
export { JMAPResponse, type CallResult } from './response.js';
export type { RequestOptions } from './transport.js';
export { JMAPCalendarObject } from './calendar-object.js';
export { toCommonEvent } from './common-event.js';
export { JMAPMethodError, JMAPSetError, type JMAPMethodErrorOptions, type SetErrorEntry } from './errors.js';
export type { CreateEventsResult, EventInput, WriteOptions } from './events.js';
export type { SearchOptions } from './search.js';
export type { SyncOptions, SyncResult } from './sync.js';
export type { TaskFields } from './tasks.js';
export type { NewCalendar } from './calendar-writes.js';
export { CAPABILITY_CALENDARS, CAPABILITY_CORE, CAPABILITY_TASKS } from './constants.js';
export type {
  ChangesArgs,
  ChangesResponse,
  Comparator,
  GetArgs,
  GetResponse,
  Invocation,
  JMAPAccount,
  JMAPSession,
  PatchObject,
  QueryArgs,
  QueryResponse,
  ResultReference,
  SetArgs,
  SetError,
  SetResponse,
} from './types/core.js';
export type {
  AbsoluteTrigger,
  Alert,
  CalendarEventFilter,
  CalendarRights,
  JMAPCalendar,
  JMAPTaskList,
  JSCalendarEvent,
  JSCalendarTask,
  Location,
  NDay,
  OffsetTrigger,
  Participant,
  ParticipantRole,
  ParticipationStatus,
  RecurrenceRule,
  VirtualLocation,
} from './types/jscalendar.js';
export type { JMAPMethods, KnownMethod, MethodArgs, MethodResponse, ResultPath, WithRefs } from './types/methods.js';
