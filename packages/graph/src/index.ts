/**
 * `@cal/graph`: Microsoft Graph calendars — an O365-style `GraphConnection` and a typed calendar API
 * on openapi-fetch, with types generated from this package's own OpenAPI document.
 * @packageDocumentation
 */

/** Package name. @public */
export const name = '@cal/graph';

// Core errors and token types, re-exported so apps need a single import.
export {
  AbortedError,
  AuthenticationError,
  CalError,
  ConflictError,
  HttpError,
  MemoryTokenStore,
  NetworkError,
  NotFoundError,
  ProtocolError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  isCalError,
  type TokenSet,
  type TokenStore,
} from '@cal/core';

export { GraphConnection } from './connection/graph-connection.js';
export type { AuthFlowType, GraphConnectionOptions, GraphRequestOptions } from './connection/connection-options.js';
export { MICROSOFT_AUTHORITY, MICROSOFT_GRAPH_ORIGINS, NATIVE_CLIENT_REDIRECT } from './connection/microsoft-origins.js';
export { MSBusinessCentral365Protocol, MSGraphProtocol, Protocol, toCamelCase, toPascalCase, type ProtocolOptions } from './protocol/protocol.js';
export { RESERVED_SCOPES, SCOPE_HELPERS, type ScopeHelper } from './protocol/scope-helpers.js';
export { isGraphErrorBody, parseGraphError, type GraphErrorBody } from './errors/parse-graph-error.js';

export { createGraphApi, type GraphApi, type GraphApiOptions, type GraphClient } from './api/graph-api.js';
export { createGraphCalendar, type GraphCalendar } from './graph-calendar.js';
export { getMe, getUser } from './api/users.js';
export {
  createCalendar,
  createCalendarGroup,
  deleteCalendar,
  deleteCalendarGroup,
  getCalendar,
  listCalendarGroups,
  listCalendars,
  listGroupCalendars,
  updateCalendar,
} from './api/calendars.js';
export { changedFields, createEvent, deleteEvent, getEvent, listEvents, saveEvent, updateEvent, type ListEventsOptions } from './api/events.js';
export { calendarView, calendarViewPages, listCalendarView, listInstances, type CalendarViewOptions, type EventPage } from './api/calendar-view.js';
export { syncCalendarView, type DeltaResult, type DeltaRun, type DeltaSyncOptions } from './api/delta.js';
export { acceptEvent, cancelEvent, declineEvent, forwardEvent, tentativelyAcceptEvent, type ResponseOptions } from './api/event-actions.js';
export {
  SIMPLE_UPLOAD_LIMIT,
  addAttachment,
  deleteAttachment,
  getAttachment,
  listAttachments,
  type AddedAttachment,
  type FileInput,
} from './api/attachments.js';
export { decodeAvailabilityView, findMeetingTimes, getSchedule, type Availability, type DecodedSchedule } from './api/schedule.js';
export { BATCH_LIMIT, batch, type BatchOptions, type BatchRequest, type BatchResponse } from './api/batch.js';
export {
  isRemoved,
  type DeltaItem,
  type EventInput,
  type FindMeetingTimesRequest,
  type GraphCalendarGroup,
  type GraphCalendarResource,
  type GraphEvent,
  type GraphFileAttachment,
  type GraphRecipient,
  type GraphUser,
  type MeetingTimeSuggestionsResult,
  type PatternedRecurrence,
  type RemovedEvent,
  type ScheduleInformation,
  type TimeSlot,
} from './api/types.js';
export { RecurrenceBuilder, recurrence, type DayOfWeek, type PatternedRecurrenceValue, type WeekIndex } from './recurrence/recurrence-builder.js';
export { isWindowsZone, toIanaZone, toWindowsZone } from './time/windows-zones.js';
export { toCommonEvent } from './common-event.js';
export { parseGraphDateTime, utcDateTime, type DateInput, type DateTimeTimeZone } from './time/date-time.js';
export type { components as GraphComponents, paths as GraphPaths } from './generated/graph-calendar.js';
