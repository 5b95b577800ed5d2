/**
 * JSCalendar (RFC 8984) object types, as JMAP for Calendars carries them. Every object type is open
 * (`[key: string]: unknown`): servers add properties (Cyrus `x-href`, `blobId`, `utcStart`) and so may
 * vendors (RFC 8984 §3.3), and none of them may be lost.
 * @packageDocumentation
 */

/** RFC 8984 §4.4.6 Participant role names. @public */
export type ParticipantRole = 'owner' | 'attendee' | 'optional' | 'informational' | 'chair' | 'contact' | (string & {});

/** RFC 8984 §4.4.6 `participationStatus`. @public */
export type ParticipationStatus = 'needs-action' | 'accepted' | 'declined' | 'tentative' | 'delegated' | (string & {});

/** RFC 8984 §4.4.6 Participant. @public */
export interface Participant {
  '@type'?: 'Participant';
  name?: string;
  email?: string;
  /** Method → URI, e.g. `{ imip: 'mailto:a@example.com' }`. */
  sendTo?: Record<string, string>;
  kind?: 'individual' | 'group' | 'location' | 'resource' | (string & {});
  roles?: Partial<Record<ParticipantRole, true>>;
  participationStatus?: ParticipationStatus;
  expectReply?: boolean;
  [key: string]: unknown;
}

/** RFC 8984 §4.5.2 OffsetTrigger. @public */
export interface OffsetTrigger {
  '@type': 'OffsetTrigger';
  /** Signed duration, e.g. `-PT15M`. */
  offset: string;
  relativeTo?: 'start' | 'end';
}

/** RFC 8984 §4.5.2 AbsoluteTrigger. @public */
export interface AbsoluteTrigger {
  '@type': 'AbsoluteTrigger';
  /** UTCDateTime. */
  when: string;
}

/** RFC 8984 §4.5.2 Alert. The trigger is an object, never a bare string. @public */
export interface Alert {
  '@type'?: 'Alert';
  trigger: OffsetTrigger | AbsoluteTrigger | { '@type': string; [key: string]: unknown };
  action?: 'display' | 'email' | (string & {});
  acknowledged?: string;
  [key: string]: unknown;
}

/** RFC 8984 §4.2.5 Location. @public */
export interface Location {
  '@type'?: 'Location';
  name?: string;
  description?: string;
  coordinates?: string;
  [key: string]: unknown;
}

/** RFC 8984 §4.2.6 VirtualLocation. @public */
export interface VirtualLocation {
  '@type'?: 'VirtualLocation';
  uri: string;
  name?: string;
  [key: string]: unknown;
}

/** RFC 8984 §4.3.3 NDay. @public */
export interface NDay {
  '@type'?: 'NDay';
  day: 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';
  nthOfPeriod?: number;
}

/** RFC 8984 §4.3.3 RecurrenceRule. @public */
export interface RecurrenceRule {
  '@type'?: 'RecurrenceRule';
  frequency: 'yearly' | 'monthly' | 'weekly' | 'daily' | 'hourly' | 'minutely' | 'secondly';
  interval?: number;
  rscale?: string;
  skip?: 'omit' | 'backward' | 'forward';
  firstDayOfWeek?: NDay['day'];
  byDay?: NDay[];
  byMonthDay?: number[];
  byMonth?: string[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byHour?: number[];
  byMinute?: number[];
  bySecond?: number[];
  bySetPosition?: number[];
  count?: number;
  /** LocalDateTime. */
  until?: string;
}

/**
 * A JSCalendar Event (RFC 8984 §5.1) as a JMAP CalendarEvent (draft-ietf-jmap-calendars §5): the
 * JSCalendar properties plus `id`, `calendarIds`, and whatever the server adds.
 * @public
 */
export interface JSCalendarEvent {
  '@type'?: 'Event';
  id?: string;
  calendarIds?: Record<string, true>;
  uid?: string;
  title?: string;
  description?: string;
  descriptionContentType?: string;
  /** LocalDateTime `YYYY-MM-DDTHH:MM:SS`. */
  start?: string;
  /** IANA zone; absent or `null` = floating. */
  timeZone?: string | null;
  /** ISO 8601 duration. */
  duration?: string;
  showWithoutTime?: boolean;
  status?: 'confirmed' | 'cancelled' | 'tentative' | (string & {});
  freeBusyStatus?: 'free' | 'busy' | (string & {});
  privacy?: 'public' | 'private' | 'secret' | (string & {});
  priority?: number;
  sequence?: number;
  color?: string;
  created?: string;
  updated?: string;
  keywords?: Record<string, true>;
  categories?: Record<string, true>;
  locations?: Record<string, Location>;
  virtualLocations?: Record<string, VirtualLocation>;
  participants?: Record<string, Participant>;
  replyTo?: Record<string, string>;
  alerts?: Record<string, Alert>;
  useDefaultAlerts?: boolean;
  recurrenceRules?: RecurrenceRule[];
  excludedRecurrenceRules?: RecurrenceRule[];
  /** LocalDateTime recurrence id → PatchObject (`{ excluded: true }` for EXDATE). */
  recurrenceOverrides?: Record<string, Record<string, unknown>>;
  recurrenceId?: string;
  [key: string]: unknown;
}

/** A JMAP Task (draft-ietf-jmap-tasks, RFC 8984 §5.2). @public */
export interface JSCalendarTask {
  '@type'?: 'Task';
  id?: string;
  taskListId?: string;
  uid?: string;
  title?: string;
  description?: string;
  start?: string;
  due?: string;
  timeZone?: string | null;
  estimatedDuration?: string;
  percentComplete?: number;
  progress?: 'needs-action' | 'in-process' | 'completed' | 'failed' | 'cancelled' | (string & {});
  priority?: number;
  [key: string]: unknown;
}

/** JMAP Calendar `myRights` (draft-ietf-jmap-calendars §4). @public */
export interface CalendarRights {
  mayReadFreeBusy?: boolean;
  mayReadItems?: boolean;
  mayWriteAll?: boolean;
  mayWriteOwn?: boolean;
  mayUpdatePrivate?: boolean;
  mayRSVP?: boolean;
  mayShare?: boolean;
  mayDelete?: boolean;
  [key: string]: boolean | undefined;
}

/** A JMAP Calendar (draft-ietf-jmap-calendars §4). @public */
export interface JMAPCalendar {
  id: string;
  name: string;
  description?: string | null;
  color?: string | null;
  sortOrder?: number;
  isSubscribed?: boolean;
  isVisible?: boolean;
  isDefault?: boolean;
  includeInAvailability?: 'all' | 'attending' | 'none' | (string & {});
  timeZone?: string | null;
  myRights?: CalendarRights;
  [key: string]: unknown;
}

/** A JMAP TaskList (draft-ietf-jmap-tasks). @public */
export interface JMAPTaskList {
  id: string;
  name: string;
  role?: string | null;
  description?: string | null;
  color?: string | null;
  [key: string]: unknown;
}

/** Filter of `CalendarEvent/query` (draft-ietf-jmap-calendars §5.10, RFC-era names used by Cyrus). @public */
export interface CalendarEventFilter {
  inCalendars?: string[];
  inCalendar?: string;
  after?: string;
  before?: string;
  text?: string;
  title?: string;
  description?: string;
  location?: string;
  owner?: string;
  attendee?: string;
  uid?: string;
  [key: string]: unknown;
}
