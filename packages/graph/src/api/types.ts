import type { components } from '../generated/graph-calendar.js';

type S = components['schemas'];
/** Graph `event`. @public */
export type GraphEvent = S['microsoft.graph.event'];
/** Graph `calendar`. @public */
export type GraphCalendarResource = S['microsoft.graph.calendar'];
/** Graph `calendarGroup`. @public */
export type GraphCalendarGroup = S['microsoft.graph.calendarGroup'];
/** Graph `fileAttachment`. @public */
export type GraphFileAttachment = S['microsoft.graph.fileAttachment'];
/** Graph `recipient`. @public */
export type GraphRecipient = S['microsoft.graph.recipient'];
/** Graph `patternedRecurrence`. @public */
export type PatternedRecurrence = S['microsoft.graph.patternedRecurrence'];
/** Graph `scheduleInformation`. @public */
export type ScheduleInformation = S['microsoft.graph.scheduleInformation'];
/** Graph `meetingTimeSuggestionsResult`. @public */
export type MeetingTimeSuggestionsResult = S['microsoft.graph.meetingTimeSuggestionsResult'];
/** findMeetingTimes request body. @public */
export type FindMeetingTimesRequest = S['cal.findMeetingTimesBody'];
/** Graph `user` (the fields this package reads). @public */
export type GraphUser = S['microsoft.graph.user'];
/** A Graph `timeSlot`. @public */
export type TimeSlot = S['microsoft.graph.timeSlot'];

/** Properties of an event you may send on create/update (`id` and other server-owned fields left out). @public */
export type EventInput = Omit<GraphEvent, 'id' | '@odata.etag' | 'changeKey' | 'createdDateTime' | 'lastModifiedDateTime' | 'webLink' | 'iCalUId'>;

/**
 * A deleted item in a delta response: `{ id, "@removed": { reason } }` (event-delta.md). Microsoft's
 * OpenAPI description cannot express it, so it is hand-written here.
 * @public
 */
export interface RemovedEvent {
  readonly id: string;
  readonly '@odata.type'?: string;
  readonly '@removed': { readonly reason: 'deleted' | 'changed' | (string & {}) };
}

/** One item of a delta round. @public */
export type DeltaItem = GraphEvent | RemovedEvent;

/** True for a `@removed` delta item. @public */
export function isRemoved(item: DeltaItem): item is RemovedEvent {
  return typeof (item as { '@removed'?: unknown })['@removed'] === 'object';
}

/** A Graph collection page. @internal */
export interface ODataPage<T> {
  value?: T[];
  '@odata.nextLink'?: string | null;
  '@odata.deltaLink'?: string | null;
}
