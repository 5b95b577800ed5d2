import type {
  ChangesArgs,
  ChangesResponse,
  GetArgs,
  GetResponse,
  QueryArgs,
  QueryResponse,
  ResultReference,
  SetArgs,
  SetResponse,
} from './core.js';
import type { CalendarEventFilter, JMAPCalendar, JMAPTaskList, JSCalendarEvent, JSCalendarTask } from './jscalendar.js';

/**
 * Argument and response types of the methods this package knows, by method name. Other method names
 * work too (typed as plain records).
 * @public
 */
export interface JMAPMethods {
  'Core/echo': [Record<string, unknown>, Record<string, unknown>];
  'Calendar/get': [GetArgs, GetResponse<JMAPCalendar>];
  'Calendar/changes': [ChangesArgs, ChangesResponse];
  'Calendar/set': [SetArgs<JMAPCalendar> & { onDestroyRemoveEvents?: boolean }, SetResponse<JMAPCalendar>];
  'CalendarEvent/get': [GetArgs, GetResponse<JSCalendarEvent>];
  'CalendarEvent/changes': [ChangesArgs, ChangesResponse];
  'CalendarEvent/set': [SetArgs<JSCalendarEvent> & { sendSchedulingMessages?: boolean }, SetResponse<JSCalendarEvent>];
  'CalendarEvent/query': [QueryArgs<CalendarEventFilter> & { expandRecurrences?: boolean; timeZone?: string }, QueryResponse];
  'TaskList/get': [GetArgs, GetResponse<JMAPTaskList>];
  'TaskList/set': [SetArgs<JMAPTaskList>, SetResponse<JMAPTaskList>];
  'Task/get': [GetArgs, GetResponse<JSCalendarTask>];
  'Task/changes': [ChangesArgs, ChangesResponse];
  'Task/set': [SetArgs<JSCalendarTask>, SetResponse<JSCalendarTask>];
  'Task/query': [QueryArgs<Record<string, unknown>>, QueryResponse];
}

/** A method name known to {@link JMAPMethods}. @public */
export type KnownMethod = keyof JMAPMethods;

/** Arguments of method `N`. @public */
export type MethodArgs<N extends string> = N extends KnownMethod ? JMAPMethods[N][0] : Record<string, unknown>;

/** Response of method `N`. @public */
export type MethodResponse<N extends string> = N extends KnownMethod ? JMAPMethods[N][1] : Record<string, unknown>;

/**
 * Arguments where any property `p` may instead be given as a result reference `#p` (RFC 8620 §3.7).
 * @public
 */
export type WithRefs<A> = { [K in keyof A]?: A[K] } & { [K in keyof A as K extends string ? `#${K}` : never]?: ResultReference };

/**
 * A JSON Pointer into a response of type `R`: a top-level member, optionally followed by deeper steps
 * (`/ids`, `/list/*\/id`, `/created`, `/updated`).
 * @public
 */
export type ResultPath<R> = `/${Extract<keyof R, string>}` | `/${Extract<keyof R, string>}/${string}`;
